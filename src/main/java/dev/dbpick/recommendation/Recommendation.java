package dev.dbpick.recommendation;

import java.util.List;

/** One place of the ranking; {@code score} is the sum of the reasons' points. */
public record Recommendation(int rank, String id, String name, String kind, int score,
                             List<Reason> reasons, List<Note> cautions) {

    public Recommendation {
        reasons = List.copyOf(reasons);
        cautions = List.copyOf(cautions);
    }
}
