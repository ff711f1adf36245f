package dev.dbpick.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The project's two Jackson mappers, configured once: strict on input, stable on output. */
public final class Mappers {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private Mappers() {
    }

    /** JSON: profiles in, results out (indented). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** YAML: the catalog, the questionnaire, the scenarios. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * What is wrong with a document Jackson could not read, in one line a person can act on:
     * the field path and the problem, or the line and column and the parser's whole message;
     * never a Java type or class name.
     */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown field \"" + path(u) + "\"" + Suggestions.didYouMean(u.getPropertyName(), known)
                    + (known.isEmpty() ? "" : "; allowed: " + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            return at(v) + clean(v.getCause().getMessage());
        }
        if (e instanceof JsonMappingException m) {
            String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
            Matcher missing = MISSING.matcher(message);
            if (missing.find()) {
                String field = path(m);
                String name = missing.group(1);
                String full = field.isEmpty() ? name : field.equals(name) || field.endsWith("." + name) ? field : field + "." + name;
                return "missing field \"" + full + "\" (write null, [] or false when it does not apply)";
            }
            if (m instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return at(m) + "expected " + shape(mismatch.getTargetType());
            }
            return at(m) + clean(message);
        }
        var where = e.getLocation();
        return (where == null || where.getLineNr() < 1 ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ")
                + clean(e.getOriginalMessage());
    }

    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:<[^>]*>)?`?");

    private static String at(JsonMappingException m) {
        String path = path(m);
        return path.isEmpty() ? "" : "field \"" + path + "\": ";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String shape(Class<?> type) {
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of fields";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        return "text";
    }

    /** One line, without Java class names or parser-internal source descriptions. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "")
                .replaceAll("`[^`]*`", "")
                .replaceAll("\\(for [^)]*\\)", "")
                .replaceAll("\\[Source: [^\\]]*\\]", "")
                .replaceAll("\\(through reference chain: [^)]*\\)", "");
        text = CLASS_NAME.matcher(text).replaceAll("value").replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
