package dev.dbpick.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A score line in a result: the rule that gave the points, the points, and why. {@code pickOnly}
 * marks a line that does not count for the library as the driver under a pick
 * ({@link AppliesTo#PICK}).
 */
public record Reason(String rule, int points, String text, @JsonIgnore boolean pickOnly) {

    public Reason(String rule, int points, String text) {
        this(rule, points, text, false);
    }
}
