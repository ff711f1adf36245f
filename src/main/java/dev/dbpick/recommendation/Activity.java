package dev.dbpick.recommendation;

/**
 * How active a maintained library is on the evaluation date, classified by {@code rules/ages.drl}
 * from the months since its latest release: {@code active}, {@code slow} or {@code stagnant}.
 * Other rules score it and exclude on it, so the thresholds live in one place.
 */
public record Activity(String library, String status, int months) {
}
