package dev.dbpick.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One allowed value of a question, with the label the questionnaire shows and the other
 * spellings people type for it ({@code postgres} for {@code postgresql}). An alias is never
 * accepted silently: a profile that uses one is rejected with "did you mean".
 */
public record Choice(String value, String label, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> aliases)
        implements java.io.Serializable {

    public Choice {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Choice(String value, String label) {
        this(value, label, List.of());
    }
}
