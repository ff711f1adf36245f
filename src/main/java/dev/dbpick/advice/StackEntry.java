package dev.dbpick.advice;

import dev.dbpick.recommendation.Reason;
import java.util.List;

/**
 * One database of a whole-data-layer answer ({@code purpose: stack}): the pick, the driver it
 * runs on (null when it needs none of its own), the alternatives, and the reasons.
 */
public record StackEntry(String database, Pick pick, Pick runsOn, List<Pick> alternatives, List<Reason> reasons) {

    public StackEntry {
        alternatives = List.copyOf(alternatives);
        reasons = List.copyOf(reasons);
    }

    /** A library chosen for a database: its id, name, kind and score. */
    public record Pick(String id, String name, String kind, int score) {
    }
}
