package dev.dbpick.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.profile.Profile;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.util.ArrayList;
import java.util.List;

/** A one-line summary of the fields of a profile that differ from their defaults. */
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
}
