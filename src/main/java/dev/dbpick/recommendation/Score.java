package dev.dbpick.recommendation;

/**
 * Inserted by a scoring rule: {@code points} for {@code library}, with the sentence a user
 * reads. The rule that inserts it is recorded as the reason's source.
 */
public record Score(String library, int points, String text) {
}
