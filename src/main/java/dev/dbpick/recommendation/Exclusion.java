package dev.dbpick.recommendation;

/** Inserted by a hard-constraint rule: {@code library} cannot be used, and why. */
public record Exclusion(String library, String text) {
}
