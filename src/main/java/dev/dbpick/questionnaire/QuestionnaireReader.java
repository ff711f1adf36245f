package dev.dbpick.questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.SourceFile;
import dev.dbpick.profile.Profile;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code data/questionnaire.yaml} and checks it against the profile contract: the same
 * fields with the same types, defaults among the choices, and conditions that name real
 * fields and values.
 */
public final class QuestionnaireReader {

    private static final ObjectReader READER = Mappers.yaml()
            .readerFor(Document.class)
            .without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private record Document(List<Question> questions) {
    }

    private QuestionnaireReader() {
    }

    public static Questionnaire read(SourceFile file) {
        Document document;
        try {
            document = READER.readValue(file.content());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new KnowledgeException(file.name() + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr()) + ": "
                    + Mappers.describe(e));
        } catch (IOException e) {
            throw new KnowledgeException(file.name() + ": " + e.getMessage());
        }
        if (document == null || document.questions() == null) {
            throw new KnowledgeException(file.name() + ": no questions");
        }
        List<String> problems = new ArrayList<>();
        Questionnaire questionnaire = new Questionnaire(document.questions());
        checkContract(questionnaire, problems);
        for (Question question : questionnaire.questions()) {
            checkQuestion(question, questionnaire, problems);
        }
        if (!problems.isEmpty()) {
            List<String> named = problems.stream().map(p -> file.name() + ": " + p).toList();
            throw new KnowledgeException(named.size() + " problem(s) in the questionnaire", named);
        }
        return questionnaire;
    }

    private static void checkContract(Questionnaire questionnaire, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Question question : questionnaire.questions()) {
            if (!seen.add(question.field())) {
                problems.add("question \"" + question.field() + "\" is defined twice");
            }
            QuestionType expected = Profile.FIELDS.get(question.field());
            if (expected == null) {
                problems.add("question \"" + question.field() + "\" is not a profile field; profile fields: "
                        + String.join(", ", Profile.FIELDS.keySet()));
            } else if (question.type() != expected) {
                problems.add("question \"" + question.field() + "\" must have type " + expected.yamlName());
            }
        }
        for (String field : Profile.FIELDS.keySet()) {
            if (!seen.contains(field)) {
                problems.add("profile field \"" + field + "\" has no question");
            }
        }
    }

    private static void checkQuestion(Question q, Questionnaire all, List<String> problems) {
        String where = "question \"" + q.field() + "\": ";
        if (isBlank(q.title()) || isBlank(q.prompt()) || isBlank(q.help())) {
            problems.add(where + "title, prompt and help are required");
        }
        if (q.choices().isEmpty()) {
            problems.add(where + "no choices");
        }
        Set<String> values = new HashSet<>();
        q.choices().forEach(c -> values.add(c.value()));
        Set<String> aliases = new HashSet<>();
        for (Choice choice : q.choices()) {
            for (String alias : choice.aliases()) {
                if (values.contains(alias) || !aliases.add(alias.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(where + "alias \"" + alias + "\" of \"" + choice.value() + "\" is a value or another alias");
                }
            }
        }
        values.clear();
        for (Choice choice : q.choices()) {
            if (isBlank(choice.value()) || isBlank(choice.label())) {
                problems.add(where + "every choice needs a value and a label");
            } else if (!values.add(choice.value())) {
                problems.add(where + "choice \"" + choice.value() + "\" is listed twice");
            }
        }
        if (q.defaultValue() == null) {
            problems.add(where + "default is required");
        } else {
            checkDefault(q, where, problems);
        }
        List<Map<String, List<String>>> conditions = new java.util.ArrayList<>(q.skipWhen());
        q.promptWhen().forEach(w -> {
            if (w.when() == null || w.when().isEmpty() || isBlank(w.prompt())) {
                problems.add(where + "every promptWhen entry needs a condition (when) and a prompt");
            } else {
                conditions.add(w.when());
            }
        });
        for (Map<String, List<String>> condition : conditions) {
            condition.forEach((field, allowed) -> {
                var other = all.find(field);
                if (other.isEmpty()) {
                    problems.add(where + "skipWhen names unknown field \"" + field + "\"");
                } else {
                    allowed.stream().filter(v -> !other.get().allows(v)).forEach(v ->
                            problems.add(where + "skipWhen: \"" + v + "\" is not a choice of " + field));
                }
            });
        }
    }

    private static void checkDefault(Question q, String where, List<String> problems) {
        JsonNode d = q.defaultValue();
        boolean ok = switch (q.type()) {
            case SINGLE -> d.isTextual() && q.allows(d.asText());
            case MULTIPLE -> d.isArray() && allTextChoices(q, d);
            case FLAGS -> d.isObject() && allFlagChoices(q, d);
        };
        if (!ok) {
            problems.add(where + "default " + d + " is not a valid value");
        }
    }

    private static boolean allTextChoices(Question q, JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() || !q.allows(item.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFlagChoices(Question q, JsonNode object) {
        var names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!q.allows(name) || !object.get(name).isBoolean()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
