package dev.dbpick.questionnaire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One profile field as {@code data/questionnaire.yaml} defines it.
 *
 * @param skipWhen   conditions under which the questionnaire does not ask: each maps fields to
 *                   values, and holds when every named field has one of its values
 * @param promptWhen other wordings of the prompt, each used when its condition holds
 */
public record Question(
        String field,
        String title,
        QuestionType type,
        String prompt,
        String help,
        @JsonProperty("default") JsonNode defaultValue,
        List<Choice> choices,
        Integer max,
        boolean ordered,
        List<Map<String, List<String>>> skipWhen,
        List<Wording> promptWhen) implements java.io.Serializable {

    public Question {
        choices = List.copyOf(choices);
        skipWhen = skipWhen == null ? List.of() : List.copyOf(skipWhen);
        promptWhen = promptWhen == null ? List.of() : List.copyOf(promptWhen);
    }

    /** Another wording of the prompt, used when every field named in {@code when} has one of its values. */
    public record Wording(Map<String, List<String>> when, String prompt) implements java.io.Serializable {
    }

    /** The same question asked with another prompt. */
    public Question withPrompt(String other) {
        return new Question(field, title, type, other, help, defaultValue, choices, max, ordered, skipWhen, promptWhen);
    }

    public List<String> values() {
        return choices.stream().map(Choice::value).toList();
    }

    /** The label of a value ("PostgreSQL" for postgresql), without the explanation after " - "; the value if unknown. */
    public String label(String value) {
        return choices.stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst()
                .map(label -> label.replaceAll(" - .*", "")).orElse(value);
    }

    /**
     * The value a mistyped or other spelling most likely means: the choice that lists it as an
     * alias, else the closest value by edit distance; empty when nothing is close.
     */
    public java.util.Optional<String> likelyMeant(String typed) {
        String lower = typed.strip().toLowerCase(java.util.Locale.ROOT);
        for (Choice choice : choices) {
            if (choice.aliases().stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).equals(lower))) {
                return java.util.Optional.of(choice.value());
            }
        }
        return dev.dbpick.support.Suggestions.closest(typed.strip(), values());
    }

    public boolean allows(String value) {
        for (Choice choice : choices) {   // a loop, not a stream: every profile read asks this per value
            if (choice.value().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
