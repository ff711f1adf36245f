package dev.dbpick.recommendation;

/**
 * One of the profile's priorities, inserted by the engine: {@code rank} 1 is the most
 * important, and {@code weight} is 3, 2 or 1 for ranks 1, 2 and 3, so rules can scale points.
 */
public record Priority(String name, int rank, int weight) {

    public static Priority at(String name, int rank) {
        return new Priority(name, rank, Math.max(1, 4 - rank));
    }
}
