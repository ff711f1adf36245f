package dev.dbpick.recommendation;

/**
 * Inserted by a pairing rule: {@code points} for running {@code library} on {@code driver} for
 * {@code database}, with the sentence a user reads.
 */
public record PairingScore(String library, String database, String driver, int points, String text) {
}
