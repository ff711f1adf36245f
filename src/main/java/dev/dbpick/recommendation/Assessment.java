package dev.dbpick.recommendation;

import dev.dbpick.catalog.Library;
import java.util.List;

/**
 * What the rules derived about one library for one profile: its score lines, its exclusions
 * and its cautions. {@code score} is the sum of the lines' points.
 */
public record Assessment(Library library, int score, List<Reason> reasons, List<Note> exclusions, List<Note> cautions) {

    public Assessment {
        reasons = List.copyOf(reasons);
        exclusions = List.copyOf(exclusions);
        cautions = List.copyOf(cautions);
    }

    public String id() {
        return library.id();
    }

    public boolean excluded() {
        return !exclusions.isEmpty();
    }

    /** Whether a constraint rules it out as the driver under a pick too, not only as a pick itself. */
    public boolean excludedAsDriver() {
        return exclusions.stream().anyMatch(n -> !n.pickOnly());
    }
}
