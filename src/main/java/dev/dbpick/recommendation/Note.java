package dev.dbpick.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An exclusion reason or a caution in a result: the rule that raised it, and the sentence.
 * {@code pickOnly} marks an exclusion that does not hold for the library as the driver under a
 * pick ({@link AppliesTo#PICK}).
 */
public record Note(String rule, String text, @JsonIgnore boolean pickOnly) {

    public Note(String rule, String text) {
        this(rule, text, false);
    }
}
