package dev.dbpick.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.profile.Profile;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.List;

/** A profile in words: one line of the fields that differ from their defaults, or a line per field. */
public final class ProfileText {

    private ProfileText() {
    }

    public static String summary(Profile profile, Questionnaire questionnaire) {
        JsonNode json = Mappers.json().valueToTree(profile);
        List<String> parts = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            JsonNode value = json.get(question.field());
            if (value == null || value.equals(question.defaultValue())) {
                continue;
            }
            switch (question.type()) {
                case SINGLE -> parts.add(question.field() + "=" + value.asText());
                case MULTIPLE -> {
                    if (!value.isEmpty()) {
                        List<String> items = new ArrayList<>();
                        value.forEach(v -> items.add(v.asText()));
                        parts.add(question.field() + "=" + String.join(",", items));
                    }
                }
                case FLAGS -> value.fields().forEachRemaining(e -> {
                    if (e.getValue().asBoolean()) {
                        parts.add(e.getKey());
                    }
                });
            }
        }
        return parts.isEmpty() ? "(all defaults)" : String.join("  ", parts);
    }

    /**
     * One entry per answer that differs from its default, in the questionnaire's words, e.g.
     * {@code "Databases: PostgreSQL, SQLite"} or {@code "Hard constraints: Permissive license only (no GPL or LGPL)"}.
     */
    public static List<String> lines(Profile profile, Questionnaire questionnaire) {
        JsonNode json = Mappers.json().valueToTree(profile);
        List<String> lines = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            JsonNode value = json.get(question.field());
            List<String> labels = new ArrayList<>();
            switch (question.type()) {
                case SINGLE -> {
                    if (!value.equals(question.defaultValue())) {
                        labels.add(question.label(value.asText()));
                    }
                }
                case MULTIPLE -> value.forEach(v -> labels.add(question.label(v.asText())));
                case FLAGS -> value.fields().forEachRemaining(e -> {
                    if (e.getValue().asBoolean()) {
                        labels.add(question.label(e.getKey()));
                    }
                });
            }
            if (!labels.isEmpty()) {
                lines.add(question.title() + ": " + String.join(question.ordered() ? " > " : ", ", labels));
            }
        }
        return lines;
    }
}
