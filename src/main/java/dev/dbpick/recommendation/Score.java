package dev.dbpick.recommendation;

import java.util.Objects;

/**
 * Inserted by a scoring rule: {@code points} for {@code library}, with the sentence a user
 * reads. The rule that inserts it is recorded as the reason's source. {@code appliesTo} says
 * whether the line also counts for a library chosen as the driver under a pick; three
 * arguments mean it does.
 */
public record Score(String library, int points, String text, AppliesTo appliesTo) {

    public Score {
        Objects.requireNonNull(appliesTo, "appliesTo");
    }

    public Score(String library, int points, String text) {
        this(library, points, text, AppliesTo.PICK_AND_DRIVER);
    }
}
