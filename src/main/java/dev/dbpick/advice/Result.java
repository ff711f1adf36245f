package dev.dbpick.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.profile.Profile;
import dev.dbpick.project.ProjectSummary;
import dev.dbpick.project.Standing;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * The response document, version 3: the same JSON from {@code recommend --format json} and
 * from {@code POST /api/v1/recommendations}. The what-if explanations are there only when asked
 * for ({@code include}): absent means not asked, an empty list asked and there are none.
 *
 * @param recommendations the first {@code top} libraries with a score of zero or more
 * @param poorFits        every library that passes the hard constraints but scores below zero
 * @param excluded        every library a hard constraint excludes, with every reason
 * @param margin          the first pick's lead over the second; null with fewer than two recommendations
 * @param pivots          single answer changes that would change the first pick; null when not asked for
 * @param relaxations     when nothing is recommended, the smallest answer changes after which something is;
 *                        null when not asked for
 * @param stack           for {@code purpose: stack}, one entry per database; absent otherwise
 * @param project         what {@code --project} read and answered (the command line only); absent otherwise
 */
@JsonPropertyOrder({"recommendations", "poorFits", "excluded", "margin", "pivots", "relaxations", "stack", "profile", "knowledge",
    "project"})
public record Result(List<Recommendation> recommendations, List<PoorFit> poorFits, List<Excluded> excluded,
                     Margin margin,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(description = PIVOTS, requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<Pivot> pivots,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(description = RELAXATIONS, requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<Relaxation> relaxations,
                     @JsonInclude(JsonInclude.Include.NON_NULL)
                     @Schema(description = "For purpose stack, one entry per database; absent otherwise",
                             requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<StackEntry> stack,
                     Profile profile, KnowledgeInfo knowledge,
                     @JsonInclude(JsonInclude.Include.NON_NULL) ProjectSummary project) {

    /** What the OpenAPI document says of {@code pivots}, here and per database of a stack. */
    static final String PIVOTS = "Only when asked for (include=pivots, or all): the single answer changes that would"
            + " change the first pick, each {changes, top, summary, defining}: the answers a team revisits first, then"
            + " (defining: true) those that define the project. Absent when not asked for; [] when asked and there are none.";

    /** What the OpenAPI document says of {@code relaxations}, here and per database of a stack. */
    static final String RELAXATIONS = "Only when asked for (include=relaxations, or all): when nothing fits, the smallest"
            + " sets of answer changes after which something does, each {changes, fits, top, summary}. Absent when not"
            + " asked for; [] when asked and there are none.";

    public Result {
        recommendations = List.copyOf(recommendations);
        poorFits = List.copyOf(poorFits);
        excluded = List.copyOf(excluded);
        pivots = pivots == null ? null : List.copyOf(pivots);
        relaxations = relaxations == null ? null : List.copyOf(relaxations);
        stack = stack == null ? null : List.copyOf(stack);
    }

    /** A result for a profile alone, without a project. */
    public Result(List<Recommendation> recommendations, List<PoorFit> poorFits, List<Excluded> excluded, Margin margin,
                  List<Pivot> pivots, List<Relaxation> relaxations, List<StackEntry> stack, Profile profile,
                  KnowledgeInfo knowledge) {
        this(recommendations, poorFits, excluded, margin, pivots, relaxations, stack, profile, knowledge, null);
    }

    /** The same result for a project: what it answered, and where each pick stands in it. */
    public Result withProject(ProjectSummary summary, Function<String, Standing> standing) {
        return new Result(recommendations.stream().map(r -> r.withProject(standing.apply(r.id()))).toList(), poorFits, excluded,
                margin, pivots, relaxations, stack == null ? null : stack.stream().map(e -> e.withProject(standing)).toList(),
                profile, knowledge, summary);
    }

    /**
     * One place of the ranking; {@code score} is the sum of the reasons' points; {@code tiedWith} the ids with the same
     * score; {@code project}, given {@code --project}, whether the project already depends on it or what it would replace.
     */
    @JsonPropertyOrder({"rank", "id", "name", "kind", "score", "tiedWith", "reasons", "cautions", "layers", "project"})
    public record Recommendation(int rank, String id, String name, String kind, int score, List<String> tiedWith,
                                 List<Reason> reasons, List<Note> cautions,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                 @Schema(description = "In a cache answer, the recommended caching layers that run on this"
                                         + " client (dogpile.cache over redis-py): options on top of it, not ranked against it",
                                         requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<StackEntry.Pick> layers,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Standing project) {

        public Recommendation {
            tiedWith = List.copyOf(tiedWith);
            reasons = List.copyOf(reasons);
            cautions = List.copyOf(cautions);
            layers = List.copyOf(layers);
        }

        public Recommendation(int rank, String id, String name, String kind, int score, List<String> tiedWith,
                              List<Reason> reasons, List<Note> cautions) {
            this(rank, id, name, kind, score, tiedWith, reasons, cautions, List.of(), null);
        }

        Recommendation withProject(Standing standing) {
            return new Recommendation(rank, id, name, kind, score, tiedWith, reasons, cautions, layers, standing);
        }
    }

    /** A library that passes every hard constraint but scores below zero: listed, not recommended. */
    public record PoorFit(String id, String name, String kind, int score, List<Reason> reasons, List<Note> cautions) {

        public PoorFit {
            reasons = List.copyOf(reasons);
            cautions = List.copyOf(cautions);
        }
    }

    /** A library that fails at least one hard constraint, with every reason. */
    public record Excluded(String id, String name, List<Note> reasons) {

        public Excluded {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * Which knowledge produced a result: the revision hash of the rule and data files, how much
     * they held, the date ages were judged against, the team's layer that took part
     * ({@code --team DIR}: its folder and the revision of its files alone; null when none did),
     * and {@code factsNote}, only when the evaluation date is before the earliest date the
     * catalog's facts were recorded on: one line saying the facts are as recorded then, not as
     * they stood on the evaluation date.
     */
    public record KnowledgeInfo(String revision, int rules, int libraries, String evaluatedOn,
                                @Schema(description = "The team's layer that took part (--team DIR, DBPICK_TEAM): its folder and"
                                        + " the revision of its files alone; null when the bundled knowledge answered alone",
                                        nullable = true) dev.dbpick.knowledge.Knowledge.Team team,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(description = "Only when the evaluation date is before the catalog's fact dates: one"
                                        + " line saying the facts are as recorded on their dates", requiredMode =
                                        Schema.RequiredMode.NOT_REQUIRED) String factsNote) {

        public KnowledgeInfo(String revision, int rules, int libraries, String evaluatedOn) {
            this(revision, rules, libraries, evaluatedOn, null, null);
        }

        /** One line naming the team's layer, or null without one: for the table and the decision record. */
        public String teamLine() {
            return team == null ? null : "team knowledge " + team.folder() + " (revision " + team.revision()
                    + ") on top of the bundled rules and data";
        }
    }
}
