package dev.dbpick.explanation;

import dev.dbpick.catalog.Library;
import dev.dbpick.profile.Profile;
import dev.dbpick.project.Standing;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.recommendation.Reason;
import java.util.List;

/**
 * Two to four libraries side by side, in the order asked: their key facts, and for the profile
 * each one's status, rank, score, score lines, cautions and exclusions.
 */
public record Comparison(Profile profile, String evaluatedOn, List<Entry> libraries) {

    public Comparison {
        libraries = List.copyOf(libraries);
    }

    /** The same comparison with where each library stands in a project. */
    public Comparison withProject(java.util.function.Function<String, Standing> standing) {
        return new Comparison(profile, evaluatedOn, libraries.stream().map(e -> new Entry(e.id(), e.name(), e.kind(), e.facts(),
                e.status(), e.rank(), e.score(), e.reasons(), e.cautions(), e.exclusions(), standing.apply(e.id()))).toList());
    }

    /** One library in a comparison; {@code project}, given {@code --project}, where it stands in the project. */
    public record Entry(String id, String name, String kind, Facts facts, String status, int rank, int score,
                        List<Reason> reasons, List<Note> cautions, List<Note> exclusions,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        Standing project) {
    }

    /**
     * The facts that set libraries apart at a glance; {@code monthsSinceRelease} is counted to
     * the evaluation date.
     */
    public record Facts(List<String> databases, String deployment, Library.AsyncSupport async, String license,
                        String typing, boolean pydantic, String migrations, String lifecycle, String devStatus,
                        String latestVersion, String released, int monthsSinceRelease, Integer downloadRank,
                        List<Library.Advisory> advisories) {
    }

    public static Comparison of(Ranking ranking, List<String> ids) {
        List<Entry> entries = ids.stream().map(id -> entry(ranking, id)).toList();
        return new Comparison(ranking.profile(), ranking.evaluation().date(), entries);
    }

    private static Entry entry(Ranking ranking, String id) {
        Assessment a = ranking.find(id).orElseThrow(() -> new IllegalArgumentException("unknown library " + id));
        Library l = a.library();
        Facts facts = new Facts(l.databases(), l.deployment(), l.async(), l.license(), l.typing(), l.pydantic(),
                l.migrations() == null ? null : l.migrations().tool() + (l.migrations().builtin() ? " (built in)" : " (companion)"),
                l.maintenance().lifecycle(), l.maintenance().devStatus(), l.maintenance().latestVersion(),
                l.maintenance().released(), ranking.evaluation().monthsSince(l.maintenance().released()),
                l.maintenance().downloadRank(), l.advisories());
        String status = a.excluded() ? WhyNot.EXCLUDED : a.score() < 0 ? WhyNot.POOR_FIT : WhyNot.RECOMMENDED;
        return new Entry(l.id(), l.name(), l.primaryKind(), facts, status, ranking.rankOf(id), a.score(), a.reasons(),
                a.cautions(), a.exclusions(), null);
    }
}
