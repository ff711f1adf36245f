package dev.dbpick.explanation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.project.Standing;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Ranking;
import java.util.List;

/**
 * Where one library stands for a profile and why: {@code status} is recommended, poor-fit or
 * excluded; {@code versusTop} sets its score lines against the first pick's (null when it is
 * the first pick, or when nothing is recommended); {@code admit} is the smallest answer change
 * after which it is recommended (null when it already is, or when no change of one or two
 * answers does, and then {@code note} says why); {@code project}, given {@code --project}, whether the
 * project already depends on it or what it would replace (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WhyNot(String id, String name, String status, int rank, int score, List<Note> exclusions,
                     VersusTop versusTop, Admit admit, String note,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Standing project) {

    public static final String RECOMMENDED = "recommended";
    public static final String POOR_FIT = "poor-fit";
    public static final String EXCLUDED = "excluded";

    public WhyNot {
        exclusions = List.copyOf(exclusions);
    }

    /** The same answer with where the library stands in a project. */
    public WhyNot withProject(Standing standing) {
        return new WhyNot(id, name, status, rank, score, exclusions, versusTop, admit, note, standing);
    }

    /** The gap to the first pick, rule by rule: the differences add up to {@code pointsBehind}. */
    public record VersusTop(String top, int pointsBehind, List<LineDifference> lines) {

        public VersusTop {
            lines = List.copyOf(lines);
        }
    }

    /** The smallest change after which the library is recommended, and its rank then. */
    public record Admit(ObjectNode changes, int rank, String summary) {
    }

    /** Explains {@code id}'s place in a ranking, asking the engine again for what would admit it. */
    public static WhyNot of(Ranking ranking, String id, Explainer explainer) {
        Assessment assessment = ranking.find(id).orElseThrow(() -> new IllegalArgumentException("unknown library " + id));
        String status = assessment.excluded() ? EXCLUDED : assessment.score() < 0 ? POOR_FIT : RECOMMENDED;
        VersusTop versus = ranking.top().filter(top -> !top.id().equals(id))
                .map(top -> new VersusTop(top.id(), top.score() - assessment.score(), LineDifference.between(top, assessment)))
                .orElse(null);
        Admit admit = null;
        String note;
        if (RECOMMENDED.equals(status)) {
            int rank = ranking.rankOf(id);
            note = rank == 1 ? assessment.library().name() + " is the first pick."
                    : assessment.library().name() + " is recommended, " + ordinal(rank) + "; the lines below say what puts "
                    + ranking.top().map(t -> t.library().name()).orElse("the first pick") + " ahead.";
        } else {
            var found = explainer.smallest(ranking.profile(), id);
            if (found.isPresent()) {
                Change change = found.get().change();
                admit = new Admit(change.changes(), found.get().ranking().rankOf(id), change.summary());
                note = assessment.library().name() + " would be recommended, " + ordinal(admit.rank()) + ", with "
                        + change.summary() + ".";
            } else {
                note = "No change of one or two answers makes " + assessment.library().name() + " a recommendation"
                        + (assessment.excluded() ? ": " + String.join("; ", assessment.exclusions().stream().map(Note::text).toList()) + "."
                        : ": its score stays below zero.");
            }
        }
        return new WhyNot(id, assessment.library().name(), status, ranking.rankOf(id), assessment.score(),
                assessment.exclusions(), versus, admit, note, null);
    }

    static String ordinal(int n) {
        return "#" + n;
    }
}
