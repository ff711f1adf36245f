package dev.dbpick.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The score lines and notes of answers ({@link Reason}, {@link Note}), each written as JSON once
 * and copied after that. They are most of an answer's bytes (every excluded library with every
 * reason), and the same few thousand lines come back from request to request, since the rules
 * derive them from the catalog and a few answers: copying their bytes costs a fraction of
 * writing their fields and escaping their text again. The bytes are the mapper's own, so the
 * document is the same; a pretty-printing generator, which indents by depth, writes them as
 * usual. At most {@link #CAPACITY} lines are kept; beyond that the rest are written as usual.
 */
final class EncodedLines extends BeanSerializerModifier {

    /** Lines kept: the bundled knowledge derives about 3,000 distinct ones; a line is a few hundred bytes. */
    static final int CAPACITY = 8192;

    private final ObjectWriter plain;
    private final ObjectWriter writer;
    private final Map<Object, SerializableString> encoded = new ConcurrentHashMap<>();

    /** Lines written as {@code mapper} writes them. */
    EncodedLines(ObjectMapper mapper) {
        this.plain = mapper.writer();
        this.writer = mapper.copy().registerModule(new SimpleModule("encoded-lines").setSerializerModifier(this)).writer();
    }

    /** A writer of {@code mapper}'s JSON that writes lines from their kept bytes. */
    ObjectWriter writer() {
        return writer;
    }

    /** How many lines are kept now. */
    int size() {
        return encoded.size();
    }

    @Override
    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
        Class<?> type = description.getBeanClass();
        @SuppressWarnings("unchecked")
        JsonSerializer<Object> usual = (JsonSerializer<Object>) serializer;
        return type == Reason.class || type == Note.class ? new Kept(usual) : serializer;
    }

    /** A line's kept bytes, encoded now if there is room for them; null when there is not. */
    private SerializableString bytesOf(Object line) throws IOException {
        SerializableString known = encoded.get(line);
        if (known == null && encoded.size() < CAPACITY) {
            known = new SerializedString(new String(plain.writeValueAsBytes(line), StandardCharsets.UTF_8));
            encoded.putIfAbsent(line, known);
        }
        return known;
    }

    /** Writes a line from its kept bytes; as usual under a pretty printer, or when no more lines are kept. */
    private final class Kept extends StdSerializer<Object> implements ResolvableSerializer, ContextualSerializer {

        private final JsonSerializer<Object> usual;

        Kept(JsonSerializer<Object> usual) {
            super(Object.class);
            this.usual = usual;
        }

        @Override
        public void resolve(SerializerProvider provider) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (usual instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            JsonSerializer<?> contextual = usual instanceof ContextualSerializer c ? c.createContextual(provider, property) : usual;
            return contextual == usual ? this : new Kept((JsonSerializer<Object>) contextual);
        }

        @Override
        public void serialize(Object line, JsonGenerator generator, SerializerProvider provider) throws IOException {
            SerializableString bytes = generator.getPrettyPrinter() == null ? bytesOf(line) : null;
            if (bytes == null) {
                usual.serialize(line, generator, provider);
            } else {
                generator.writeRawValue(bytes);
            }
        }
    }
}
