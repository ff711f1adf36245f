package dev.dbpick.refresh;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Overlay;
import dev.dbpick.knowledge.Data;
import dev.dbpick.support.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the overlay of one library, {@code data/refreshed/ID.yaml}, always the same way for
 * the same facts: the facts in {@link FactNames#ORDER}, each with its value, source and fetch
 * date, every string quoted, so a refresh that finds nothing new changes only the fetch dates
 * (on the same day, no byte) and a review shows only what moved. A file is replaced whole (written beside it, then moved over it).
 */
final class OverlayWriter {

    private static final ObjectWriter STRINGS = new com.fasterxml.jackson.databind.ObjectMapper()
            .writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    private OverlayWriter() {
    }

    /** The path of a library's overlay inside the data folder. */
    static String path(String id) {
        return Data.REFRESHED + id + ".yaml";
    }

    /** The overlay's text. */
    static String text(String id, Map<String, Overlay.Fact> facts) {
        StringBuilder out = new StringBuilder();
        out.append("# Written by 'dbpick catalog refresh' from public sources; the next refresh rewrites it.\n")
                .append("# The hand-written record is in data/catalog/; to keep one of its facts as written,\n")
                .append("# pin it in data/pinned.yaml (see data/README.md).\n");
        out.append("id: ").append(quote(id)).append('\n');
        out.append("facts:").append(facts.isEmpty() ? " {}" : "").append('\n');
        facts.entrySet().stream().sorted(Map.Entry.comparingByKey(FactNames.ORDER)).forEach(entry -> {
            Overlay.Fact fact = entry.getValue();
            out.append("  ").append(quote(entry.getKey())).append(":\n");
            out.append("    value:");
            JsonNode value = fact.value();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                out.append('\n');
                value.forEach(item -> out.append("      - ").append(flow(item)).append('\n'));
            } else {
                out.append(' ').append(flow(value)).append('\n');
            }
            out.append("    source: ").append(quote(fact.source())).append('\n');
            out.append("    fetched: ").append(quote(fact.fetched())).append('\n');
        });
        return out.toString();
    }

    /** The overlay as the file the catalog reader would read. */
    static SourceFile file(String label, String id, Map<String, Overlay.Fact> facts) {
        String path = path(id);
        return new SourceFile(label + "/" + path, path, text(id, facts).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the file unless it already holds these bytes; true when it wrote. */
    static boolean write(Path dataFolder, SourceFile file) {
        Path target = dataFolder.resolve(file.path());
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.content())) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".refresh-", ".tmp");
            try {
                Files.write(temporary, file.content());
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A value in YAML flow style: quoted strings, lists in brackets, mappings in braces. */
    private static String flow(JsonNode value) {
        if (value.isTextual()) {
            return quote(value.asText());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(flow(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.add(field.getKey() + ": " + flow(field.getValue()));
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return value.isNull() ? "null" : value.asText();
    }

    private static String quote(String text) {
        try {
            return STRINGS.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
