package dev.dbpick.recommendation;

import java.util.Objects;

/**
 * Inserted by a hard-constraint rule: {@code library} cannot be used, and why. {@code appliesTo}
 * says whether the driver under a pick is held to it too; two arguments mean it is.
 */
public record Exclusion(String library, String text, AppliesTo appliesTo) {

    public Exclusion {
        Objects.requireNonNull(appliesTo, "appliesTo");
    }

    public Exclusion(String library, String text) {
        this(library, text, AppliesTo.PICK_AND_DRIVER);
    }
}
