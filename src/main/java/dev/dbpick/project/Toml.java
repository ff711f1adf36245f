package dev.dbpick.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOML through Jackson's TOML format, and the lines things stand on. Jackson gives a tree
 * without positions, so a value's line is found in the text: the line, in the table the value
 * belongs to, that holds the key or the quoted string.
 */
final class Toml {

    private static final TomlMapper MAPPER = new TomlMapper();
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\[?\\s*([A-Za-z0-9_.\"' -]+?)\\s*\\]\\]?\\s*(?:#.*)?$");

    private Toml() {
    }

    /** The document, or a one-line error naming the file and line. */
    static JsonNode parse(TextFile file) {
        try {
            JsonNode node = MAPPER.readTree(file.text());
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String message = e.getOriginalMessage() == null ? "invalid" : e.getOriginalMessage().strip();
            throw file.error(line, "TOML syntax error: " + message.lines().findFirst().orElse(message));
        }
    }

    /** The dotted name of a table header line ("tool.poetry.dependencies"), or null for other lines. */
    static String header(String line) {
        Matcher m = HEADER.matcher(line);
        return m.matches() ? m.group(1).replaceAll("\\s*\\.\\s*", ".").replace("\"", "").replace("'", "") : null;
    }

    /**
     * The line (1-based) of the first line matching in table {@code table} ("" for the top),
     * else anywhere in the file, else the table's header, else 1.
     */
    static int line(TextFile file, String table, Predicate<String> matches) {
        int header = 0;
        boolean inside = table.isEmpty();
        for (int i = 0; i < file.lines().size(); i++) {
            String text = file.lines().get(i);
            String name = header(text);
            if (name != null) {
                inside = name.equals(table);
                if (inside && header == 0) {
                    header = i + 1;
                }
                continue;
            }
            if (inside && matches.test(text)) {
                return i + 1;
            }
        }
        int anywhere = lineAfter(file, 0, matches);
        return anywhere > 0 ? anywhere : Math.max(1, header);
    }

    /** The first line after line {@code from} (1-based; 0 for the start) that matches, or 0. */
    static int lineAfter(TextFile file, int from, Predicate<String> matches) {
        for (int i = from; i < file.lines().size(); i++) {
            if (matches.test(file.lines().get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A line holding the string, in either kind of quotes. */
    static Predicate<String> quoted(String value) {
        return line -> line.contains("\"" + value + "\"") || line.contains("'" + value + "'");
    }

    /** A line assigning the key, bare or quoted: {@code fastapi = "^0.110"}. */
    static Predicate<String> key(String name) {
        Pattern p = Pattern.compile("^\\s*[\"']?" + Pattern.quote(name) + "[\"']?\\s*=");
        return line -> p.matcher(line).find();
    }
}
