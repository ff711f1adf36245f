package dev.dbpick.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.project.Standing;
import dev.dbpick.recommendation.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One database of a whole-data-layer answer ({@code purpose: stack}): the pick, the driver it
 * runs on (null when it needs none of its own), the alternatives, and the reasons for the pick
 * and for its driver; then, for that database as for any ranking, the excluded libraries, the
 * margin of the pick, and, when asked for ({@code include}), the answers that would change it
 * and the ways out when nothing fits.
 *
 * @param reasons       the pick's score lines
 * @param runsOnReasons the driver's score lines, and the lines the pairing itself earned
 * @param pivots        null when not asked for
 * @param relaxations   null when not asked for
 */
public record StackEntry(String database, Pick pick, Pick runsOn, List<Pick> alternatives, List<Reason> reasons,
                         List<Reason> runsOnReasons, List<Result.Excluded> excluded, Margin margin,
                         @JsonInclude(JsonInclude.Include.NON_NULL)
                         @Schema(description = Result.PIVOTS, requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<Pivot> pivots,
                         @JsonInclude(JsonInclude.Include.NON_NULL)
                         @Schema(description = Result.RELAXATIONS, requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                         List<Relaxation> relaxations) {

    public StackEntry {
        alternatives = List.copyOf(alternatives);
        reasons = List.copyOf(reasons);
        runsOnReasons = List.copyOf(runsOnReasons);
        excluded = List.copyOf(excluded);
        pivots = pivots == null ? null : List.copyOf(pivots);
        relaxations = relaxations == null ? null : List.copyOf(relaxations);
    }

    /** The same entry with where each library stands in a project. */
    StackEntry withProject(Function<String, Standing> standing) {
        return new StackEntry(database, pick == null ? null : pick.withProject(standing), runsOn == null ? null
                : runsOn.withProject(standing), alternatives.stream().map(a -> a.withProject(standing)).toList(), reasons,
                runsOnReasons, excluded, margin, pivots, relaxations);
    }

    /**
     * A library chosen for a database: its id, name, kind and score; {@code project}, given
     * {@code --project}, where it stands in the project.
     */
    public record Pick(String id, String name, String kind, int score,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       Standing project) {

        public Pick(String id, String name, String kind, int score) {
            this(id, name, kind, score, null);
        }

        Pick withProject(Function<String, Standing> standing) {
            return new Pick(id, name, kind, score, standing.apply(id));
        }
    }
}
