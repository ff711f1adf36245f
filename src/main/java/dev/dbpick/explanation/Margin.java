package dev.dbpick.explanation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dbpick.catalog.Library;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Ranking;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * How far the first pick leads the next alternative to it: {@code points}, whether that is a near
 * tie (under the threshold of data/settings.yaml), and the score lines that make the difference.
 * A library that runs on the first pick, or that the first pick runs on (a caching layer and the
 * client under it, an ORM and its driver), is not an alternative to it: it answers a different
 * question, so it is skipped, and a near tie is only ever called between alternatives.
 */
public record Margin(int points, boolean nearTie, String first, String second, List<LineDifference> deciding) {

    public Margin {
        deciding = List.copyOf(deciding);
    }

    /**
     * The deciding lines grouped by concern (the part of a rule's name before its colon), each
     * with both libraries' points and sentences: what a reader is told, in the lines' own words.
     */
    @JsonProperty("concerns")
    @Schema(description = "The deciding lines grouped by concern (the rule name's part before its colon), the largest"
            + " difference first: both libraries' points and sentences on it; positive points favour the first pick")
    public List<Concern> concerns() {
        return Concern.of(deciding);
    }

    /** The margin of a ranking, or null when no second recommended library is an alternative to the first. */
    public static Margin of(Ranking ranking, int nearTiePoints) {
        return of(ranking.recommended(), nearTiePoints);
    }

    /** The margin of recommended libraries in ranking order, or null when no second one is an alternative to the first. */
    public static Margin of(List<Assessment> recommended, int nearTiePoints) {
        if (recommended.size() < 2) {
            return null;
        }
        Assessment first = recommended.get(0);
        Optional<Assessment> next = recommended.stream().skip(1).filter(a -> alternatives(first.library(), a.library())).findFirst();
        if (next.isEmpty()) {
            return null;
        }
        Assessment second = next.get();
        int points = first.score() - second.score();
        return new Margin(points, points < nearTiePoints, first.id(), second.id(), LineDifference.between(first, second));
    }

    /** Whether two libraries answer the same question: neither runs on the other for any database. */
    static boolean alternatives(Library a, Library b) {
        return !runsOn(a, b.id()) && !runsOn(b, a.id());
    }

    private static boolean runsOn(Library upper, String lower) {
        return upper.runsOn().values().stream().anyMatch(d -> d.sync().contains(lower) || d.async().contains(lower));
    }
}
