package dev.dbpick.explanation;

import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Ranking;
import java.util.List;

/**
 * How far the first pick leads the second: {@code points}, whether that is a near tie (under the
 * threshold of data/settings.yaml), and the score lines that make the difference.
 */
public record Margin(int points, boolean nearTie, String first, String second, List<LineDifference> deciding) {

    public Margin {
        deciding = List.copyOf(deciding);
    }

    /** The margin of a ranking, or null when fewer than two libraries are recommended. */
    public static Margin of(Ranking ranking, int nearTiePoints) {
        List<Assessment> recommended = ranking.recommended();
        if (recommended.size() < 2) {
            return null;
        }
        Assessment first = recommended.get(0);
        Assessment second = recommended.get(1);
        int points = first.score() - second.score();
        return new Margin(points, points < nearTiePoints, first.id(), second.id(), LineDifference.between(first, second));
    }
}
