package dev.dbpick.advice;

import dev.dbpick.explanation.Comparison;
import dev.dbpick.explanation.Explainer;
import dev.dbpick.explanation.Include;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.explanation.WhyNot;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds every answer document from one engine: the recommendation with its margin and, when
 * asked for, its pivots and relaxations; why-not; and comparisons. The CLI and the service both
 * call it, so they return the same documents.
 */
public final class Advisor {

    private final Engine engine;

    public Advisor(Engine engine) {
        this.engine = engine;
    }

    public Engine engine() {
        return engine;
    }

    public Knowledge knowledge() {
        return engine.knowledge();
    }

    /**
     * Ranks the catalog for a profile and explains the ranking: the margin always, the what-if
     * explanations only as {@code include} asks, since each costs dozens of extra rankings. An
     * explanation not asked for is null in the result (absent from the JSON), not computed.
     *
     * @param top     how many recommendations to list; 0 for all
     * @param asOf    the evaluation date
     * @param include the what-if explanations to compute
     */
    public Result recommend(Profile profile, int top, LocalDate asOf, Include include) {
        if (profile.stack()) {
            return stack(profile, asOf, include);
        }
        try (Engine.Asker asker = engine.ask(asOf)) {
            // An answer lists the excluded libraries with their exclusions only, never their score lines.
            Ranking ranking = asker.rankFitting(profile);
            Explainer explainer = new Explainer(asker);
            return result(ranking, top, Margin.of(CacheLayers.of(profile, ranking.recommended()).ranked(),
                            knowledge().settings().nearTiePoints()),
                    include.pivots() ? arranged(explainer.pivots(ranking)) : null,
                    include.relaxations() ? explainer.relaxations(ranking) : null);
        }
    }

    /**
     * A whole data layer: each chosen database ranked on its own, its pick and the driver the
     * pick runs on, with the explanations asked for per database.
     */
    private Result stack(Profile profile, LocalDate asOf, Include include) {
        if (!profile.hasDatabases()) {
            throw new ProfileException("invalid profile: \"databases\" a whole data layer (purpose stack) needs at least one"
                    + " database, one pick per database", "databases", knowledge().questionnaire().get("databases").values());
        }
        List<StackEntry> entries = new ArrayList<>();
        Ranking last = null;
        try (Engine.Asker asker = engine.ask(asOf)) {
            Explainer explainer = new Explainer(asker);
            for (String database : profile.databases()) {
                last = asker.rank(profile.forDatabase(database));
                entries.add(Stacks.entry(explainer, last, database, knowledge().settings().nearTiePoints(), include,
                        java.util.Set.copyOf(knowledge().settings().definingAnswers())));
            }
        }
        // A whole data layer has no single first pick: its explanations are per database, and the
        // top-level lists are there, empty, when asked for.
        return new Result(List.of(), List.of(), List.of(), null, include.pivots() ? List.of() : null,
                include.relaxations() ? List.of() : null, entries, profile, info(last));
    }

    /**
     * Where one library stands for a profile, and what would admit it. For a whole data layer,
     * against the first chosen database it serves.
     */
    public WhyNot whyNot(Profile profile, String id, LocalDate asOf) {
        String known = resolve(id);
        Profile asked = profile.stack() ? perDatabase(profile, List.of(known)) : profile;
        try (Engine.Asker asker = engine.ask(asOf)) {
            return WhyNot.of(asker.rank(asked), known, new Explainer(asker));
        }
    }

    /** For a whole data layer, the profile of the first chosen database one of the libraries serves. */
    private Profile perDatabase(Profile profile, List<String> ids) {
        if (!profile.hasDatabases()) {
            return profile;
        }
        for (String database : profile.databases()) {
            if (ids.stream().anyMatch(id -> knowledge().catalog().find(id).orElseThrow().databases().contains(database))) {
                return profile.forDatabase(database);
            }
        }
        return profile.forDatabase(profile.databases().get(0));
    }

    /**
     * Two to four libraries side by side for a profile, in the order given.
     *
     * @throws IllegalArgumentException for fewer than two, more than four, or repeated ids
     */
    public Comparison compare(Profile profile, List<String> ids, LocalDate asOf) {
        List<String> known = ids.stream().map(this::resolve).toList();
        if (known.size() < 2 || known.size() > 4) {
            throw new IllegalArgumentException("compare takes 2 to 4 library ids, got " + known.size());
        }
        if (known.stream().distinct().count() != known.size()) {
            throw new IllegalArgumentException("compare takes 2 to 4 different library ids; one is repeated");
        }
        return Comparison.of(engine.rank(profile.stack() ? perDatabase(profile, known) : profile, asOf), known);
    }

    /** A catalog id, matched without regard to case. */
    public String resolve(String id) {
        String lower = id.strip().toLowerCase(java.util.Locale.ROOT);
        var catalog = knowledge().catalog();
        if (catalog.find(lower).isEmpty()) {
            throw new UnknownLibraryException(id, catalog.libraries().stream().map(dev.dbpick.catalog.Library::id).toList());
        }
        return lower;
    }

    private Result result(Ranking ranking, int top, Margin margin, List<Pivot> pivots, List<Relaxation> relaxations) {
        CacheLayers layered = CacheLayers.of(ranking.profile(), ranking.recommended());
        List<Assessment> recommended = layered.ranked();
        int limit = top <= 0 ? recommended.size() : Math.min(top, recommended.size());
        List<Result.Recommendation> listed = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            Assessment a = recommended.get(i);
            List<String> tied = recommended.stream().filter(o -> o.score() == a.score() && o != a).map(Assessment::id).toList();
            List<StackEntry.Pick> layers = layered.layers().getOrDefault(a.id(), List.of()).stream()
                    .map(l -> new StackEntry.Pick(l.id(), l.library().name(), l.library().primaryKind(), l.score())).toList();
            listed.add(new Result.Recommendation(i + 1, a.id(), a.library().name(), a.library().primaryKind(), a.score(),
                    tied, a.reasons(), a.cautions(), layers, null));
        }
        List<Result.PoorFit> poorFits = ranking.poorFits().stream()
                .map(a -> new Result.PoorFit(a.id(), a.library().name(), a.library().primaryKind(), a.score(), a.reasons(), a.cautions()))
                .toList();
        List<Result.Excluded> excluded = ranking.excluded().stream()
                .map(a -> new Result.Excluded(a.id(), a.library().name(), a.exclusions())).toList();
        return new Result(listed, poorFits, excluded, margin, pivots, relaxations, null, ranking.profile(), info(ranking));
    }

    /** Pivots with the revisitable answers first, the ones that define the project apart and after. */
    private List<Pivot> arranged(List<Pivot> pivots) {
        return Pivot.arranged(pivots, java.util.Set.copyOf(knowledge().settings().definingAnswers()));
    }

    private Result.KnowledgeInfo info(Ranking ranking) {
        Knowledge knowledge = knowledge();
        return new Result.KnowledgeInfo(knowledge.revision(), knowledge.rules().names().size(), knowledge.catalog().size(),
                ranking.evaluation().date(), knowledge.team(), factsNote(ranking.evaluation().date()));
    }

    /**
     * When the evaluation date is before the earliest date the catalog's facts were recorded on:
     * the line saying they are as recorded then. Libraries first released after the date are
     * excluded by the rules; releases, ranks and advisories are not rewound.
     */
    private String factsNote(String evaluatedOn) {
        String earliest = knowledge().catalog().libraries().stream().map(dev.dbpick.catalog.Library::asOf)
                .filter(java.util.Objects::nonNull).min(String::compareTo).orElse(null);
        if (earliest == null || evaluatedOn.compareTo(earliest) >= 0) {
            return null;
        }
        return "Evaluated on " + evaluatedOn + ", before the catalog's facts were recorded (" + earliest + " and later): the"
                + " facts are as recorded on their dates, not as they stood then; libraries first released later are excluded.";
    }

}
