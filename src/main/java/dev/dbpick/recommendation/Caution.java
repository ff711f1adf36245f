package dev.dbpick.recommendation;

/**
 * Inserted by a rule to warn about {@code library} (an unfixed advisory, a deprecated
 * dependency, a copyleft license), whether or not it also costs points.
 */
public record Caution(String library, String text) {
}
