package dev.dbpick.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns profile JSON into a {@link Profile}, checking every field against the questionnaire.
 * The first problem found is reported as one line naming the field and the allowed values.
 */
public final class ProfileReader {

    /** Longest profile document accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    private static final int ECHO_LIMIT = 40;

    private final Questionnaire questionnaire;

    public ProfileReader(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /** Parses and validates a JSON document. */
    public Profile read(String json) {
        return validate(parse(json));
    }

    /** Parses a JSON document into an object node without validating its fields. */
    public ObjectNode parse(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new ProfileException("invalid profile: larger than " + MAX_LENGTH / 1024 + " KiB");
        }
        if (json.isBlank()) {
            throw new ProfileException("invalid profile: empty document; expected a JSON object such as {\"databases\":[\"postgresql\"]}");
        }
        JsonNode node;
        try {
            node = Mappers.json().readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String message = dev.dbpick.support.Mappers.describe(e).replaceFirst("^line \\d+, column \\d+: ", "");
            throw new ProfileException("invalid profile: malformed JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + shorten(message, 120));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ProfileException("invalid profile: expected a JSON object, got " + node.getNodeType().toString().toLowerCase());
        }
        return object;
    }

    /** Validates the fields of a parsed document and fills in defaults. */
    public Profile validate(ObjectNode document) {
        return read(document, null);
    }

    /**
     * A valid profile with some of its answers changed: the same profile as {@link #validate}
     * makes of the profile's document with {@code changes} merged over it (objects key by key,
     * every other value replaced), checking only the changed fields. The what-if explanations
     * apply hundreds of changes to one profile; none of them needs the rest read again.
     */
    public Profile change(Profile profile, ObjectNode changes) {
        return read(changes, profile);
    }

    /**
     * The profile {@code document} describes: without a {@code base}, every field is read from it
     * (defaults where it has none); with one, only the fields the document has, the rest kept from the base.
     */
    private Profile read(ObjectNode document, Profile base) {
        checkFields(document);
        return new Profile(
                field(document, base, "purpose", Profile::purpose, this::single),
                field(document, base, "databases", Profile::databases, this::multiple),
                field(document, base, "async", Profile::async, this::single),
                field(document, base, "deployment", Profile::deployment, this::single),
                field(document, base, "sharedBy", Profile::sharedBy, this::single),
                field(document, base, "python", Profile::python, this::single),
                field(document, base, "framework", Profile::framework, this::single),
                field(document, base, "workload", Profile::workload, this::single),
                field(document, base, "alreadyUses", Profile::alreadyUses, this::multiple),
                field(document, base, "priorities", Profile::priorities, this::multiple),
                field(document, base, "constraints", Profile::constraints,
                        (changes, field) -> base == null ? flags(changes, field) : changedFlags(base.constraints(), changes)));
    }

    private static <T> T field(ObjectNode document, Profile base, String field, Function<Profile, T> current,
                               BiFunction<ObjectNode, String, T> read) {
        return base == null || document.has(field) ? read.apply(document, field) : current.apply(base);
    }

    /** The constraints after a change: an object of flags is merged over them, anything else read as a whole. */
    private Map<String, Boolean> changedFlags(Map<String, Boolean> current, ObjectNode changes) {
        JsonNode value = changes.get("constraints");
        if (!value.isObject()) {
            return flags(changes, "constraints");
        }
        ObjectNode merged = Mappers.json().createObjectNode();
        ObjectNode flags = merged.putObject("constraints");
        current.forEach(flags::put);
        flags.setAll((ObjectNode) value);
        return flags(merged, "constraints");
    }

    private void checkFields(ObjectNode document) {
        Iterator<String> names = document.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (questionnaire.find(name).isEmpty()) {
                throw new ProfileException("invalid profile: unknown field " + quote(name)
                        + "; allowed fields: " + String.join(", ", questionnaire.fields()), name, questionnaire.fields());
            }
        }
    }

    private JsonNode valueOrDefault(ObjectNode document, Question question) {
        JsonNode value = document.get(question.field());
        return value == null || value.isNull() ? question.defaultValue() : value;
    }

    private String single(ObjectNode document, String field) {
        Question q = questionnaire.get(field);
        JsonNode value = valueOrDefault(document, q);
        if (!value.isTextual()) {
            throw fieldError(q, "must be a string, got " + describe(value));
        }
        return choice(q, value.asText());
    }

    private List<String> multiple(ObjectNode document, String field) {
        Question q = questionnaire.get(field);
        JsonNode value = valueOrDefault(document, q);
        if (!value.isArray()) {
            throw fieldError(q, "must be a list of strings, got " + describe(value));
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw fieldError(q, "must be a list of strings, got an item that is " + describe(item));
            }
            if (!values.add(choice(q, item.asText()))) {
                throw fieldError(q, quote(item.asText()) + " is listed twice");
            }
        }
        if (q.max() != null && values.size() > q.max()) {
            throw fieldError(q, "at most " + q.max() + " values, got " + values.size());
        }
        return new ArrayList<>(values);
    }

    private Map<String, Boolean> flags(ObjectNode document, String field) {
        Question q = questionnaire.get(field);
        JsonNode value = valueOrDefault(document, q);
        if (!value.isObject()) {
            throw fieldError(q, "must be an object of true/false flags, got " + describe(value));
        }
        Map<String, Boolean> flags = new LinkedHashMap<>();
        q.values().forEach(v -> flags.put(v, false));
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!q.allows(entry.getKey())) {
                throw fieldError(q, "unknown constraint " + quote(entry.getKey()) + meant(q, entry.getKey()));
            }
            if (!entry.getValue().isBoolean()) {
                throw new ProfileException("invalid profile: \"" + field + "." + entry.getKey()
                        + "\" must be true or false, got " + describe(entry.getValue()),
                        field + "." + entry.getKey(), List.of("true", "false"));
            }
            flags.put(entry.getKey(), entry.getValue().asBoolean());
        }
        return flags;
    }

    private static String choice(Question q, String value) {
        if (!q.allows(value)) {
            throw fieldError(q, "unknown value " + quote(value) + meant(q, value));
        }
        return value;
    }

    private static String meant(Question q, String value) {
        return value.length() > 64 ? "" : q.likelyMeant(value).map(v -> " (did you mean \"" + v + "\"?)").orElse("");
    }

    private static ProfileException fieldError(Question q, String problem) {
        return new ProfileException("invalid profile: \"" + q.field() + "\" " + problem + "; allowed: "
                + String.join(", ", q.values()), q.field(), q.values());
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "the number " + shorten(node.asText(), ECHO_LIMIT);
            case BOOLEAN -> node.asText();
            case STRING -> "the string " + quote(node.asText());
            default -> node.getNodeType().toString().toLowerCase();
        };
    }

    /** Quotes a user-supplied value for a message, cut short and stripped of control characters. */
    static String quote(String value) {
        return "\"" + shorten(value, ECHO_LIMIT) + "\"";
    }

    private static String shorten(String value, int limit) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= limit
                ? printable
                : printable.substring(0, limit) + "... (" + value.length() + " characters)";
    }
}
