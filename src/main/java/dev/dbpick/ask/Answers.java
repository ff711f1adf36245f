package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.questionnaire.Choice;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Converts between chosen values and the JSON a profile holds, and describes answers. */
final class Answers {

    private Answers() {
    }

    /** The JSON value for a set of chosen values: a string, a list, or an object of flags. */
    static JsonNode of(Question question, Collection<String> chosen) {
        return switch (question.type()) {
            case SINGLE -> Mappers.json().getNodeFactory().textNode(chosen.iterator().next());
            case MULTIPLE -> {
                ArrayNode list = Mappers.json().createArrayNode();
                if (question.ordered()) {
                    chosen.forEach(list::add);
                } else {
                    question.values().stream().filter(chosen::contains).forEach(list::add);
                }
                yield list;
            }
            case FLAGS -> {
                ObjectNode flags = Mappers.json().createObjectNode();
                question.values().forEach(v -> flags.put(v, chosen.contains(v)));
                yield flags;
            }
        };
    }

    /** The values a JSON answer selects. */
    static List<String> selected(Question question, JsonNode value) {
        List<String> values = new ArrayList<>();
        switch (question.type()) {
            case SINGLE -> values.add(value.asText());
            case MULTIPLE -> value.forEach(v -> values.add(v.asText()));
            case FLAGS -> question.values().stream().filter(v -> value.path(v).asBoolean()).forEach(values::add);
        }
        return values;
    }

    /** An answer in words, e.g. "PostgreSQL, SQLite" or "none". */
    static String describe(Question question, JsonNode value) {
        List<String> labels = new ArrayList<>();
        for (String v : selected(question, value)) {
            labels.add(question.choices().stream().filter(c -> c.value().equals(v)).map(Choice::label)
                    .findFirst().orElse(v).replaceAll(" - .*", ""));
        }
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }
}
