package dev.dbpick.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
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

    static {
        JSON.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    /**
     * JSON text that a terminal shows as it is: besides the control characters JSON escapes
     * anyway, the C1 controls and the bidirectional marks and overrides ({@link Text#actsOnTerminal})
     * are written as {@code \\uXXXX}; the document's value is the same.
     */
    private static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch > 0x7f && ch <= 0xffff && Text.actsOnTerminal((char) ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

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

    /** A value as JSON on one line, for a message; its {@code toString()} when it cannot be written. */
    public static String compact(Object value) {
        try {
            return JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
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
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof NullPointerException) {
            return at(v) + "a required field is missing or empty";
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
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return yamlProblem(yaml);
        }
        var where = e.getLocation();
        return (where == null || where.getLineNr() < 1 ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ")
                + clean(e.getOriginalMessage());
    }

    /**
     * The first field of {@code node} that the record type (or a record nested in it) does not
     * have, as "unknown field "a.b" (did you mean ...)"; checked before Jackson reads the record,
     * which would otherwise report the correctly spelt field as missing and hide the typo.
     */
    public static java.util.Optional<String> unknownField(JsonNode node, Class<?> type) {
        return unknownField(node, type, "");
    }

    private static java.util.Optional<String> unknownField(JsonNode node, java.lang.reflect.Type type, String path) {
        if (node == null || node.isNull()) {
            return java.util.Optional.empty();
        }
        if (type instanceof java.lang.reflect.ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            java.lang.reflect.Type[] arguments = generic.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    var found = unknownField(node.get(i), arguments[0], path + "[" + i + "]");
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
                for (var entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                    var found = unknownField(entry.getValue(), arguments[1], join(path, entry.getKey()));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return java.util.Optional.empty();
        }
        if (!(type instanceof Class<?> record) || !record.isRecord() || !node.isObject()) {
            return java.util.Optional.empty();
        }
        Map<String, java.lang.reflect.RecordComponent> components = new java.util.LinkedHashMap<>();
        for (var component : record.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            var component = components.get(entry.getKey());
            if (component == null) {
                List<String> known = components.keySet().stream().sorted().toList();
                return java.util.Optional.of("unknown field \"" + join(path, entry.getKey()) + "\""
                        + Suggestions.didYouMean(entry.getKey(), known) + "; allowed: " + String.join(", ", known));
            }
            var found = unknownField(entry.getValue(), component.getGenericType(), join(path, entry.getKey()));
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:<[^>]*>)?`?");

    /**
     * A YAML syntax error in the parser's own words, whole: where it is, what was found, and
     * the construct it broke ("while parsing a block mapping" and where that starts).
     */
    private static String yamlProblem(org.yaml.snakeyaml.error.MarkedYAMLException e) {
        var problem = e.getProblemMark();
        StringBuilder text = new StringBuilder("line " + (problem.getLine() + 1) + ", column " + (problem.getColumn() + 1) + ": ");
        text.append(e.getProblem() == null ? "invalid YAML" : e.getProblem().strip()
                .replace("found '?'", "found the start of another key")
                .replace("found '<scalar>'", "found a plain value"));
        if (e.getContext() != null) {
            text.append(" (").append(e.getContext().strip());
            if (e.getContextMark() != null) {
                text.append(" that starts at line ").append(e.getContextMark().getLine() + 1)
                        .append(", column ").append(e.getContextMark().getColumn() + 1);
            }
            text.append(')');
        }
        return text.toString().replaceAll("\\s+", " ");
    }

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
