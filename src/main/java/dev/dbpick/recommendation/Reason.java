package dev.dbpick.recommendation;

/** A score line in a result: the rule that gave the points, the points, and why. */
public record Reason(String rule, int points, String text) {
}
