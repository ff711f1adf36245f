package dev.dbpick.http;

import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.render.DecisionRecord;
import dev.dbpick.render.View;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.netty.buffer.ByteBuf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;

/**
 * {@code POST /api/v1/recommendations}: the same document as {@code recommend --format json}, or
 * the same decision record as {@code recommend --format adr} when asked for with
 * {@code ?format=adr} or {@code Accept: text/markdown}. The what-if explanations are computed
 * only when {@code include} asks for them, as on the command line.
 */
@Controller("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "Rank the catalog for a profile")
public class RecommendationController {

    /** The media type of decision records. */
    public static final String MARKDOWN = "text/markdown";

    private final KnowledgeHolder holder;
    private final ResultCache cache;
    private final RankingGuard guard;
    private final AnswerBody json;

    public RecommendationController(KnowledgeHolder holder, ResultCache cache, RankingGuard guard, AnswerBody json) {
        this.holder = holder;
        this.cache = cache;
        this.guard = guard;
        this.json = json;
    }

    /**
     * Ranks the catalog for a profile and explains the ranking.
     *
     * @param body    the profile as JSON; every field is optional
     * @param top     how many recommendations to return; 0 for all (default 10)
     * @param asOf    the evaluation date, YYYY-MM-DD (default today)
     * @param format  {@code json} (default) or {@code adr} for a Markdown decision record
     * @param include the what-if explanations: pivots, relaxations, both comma-separated, all or
     *                none (default none for JSON, all for the decision record)
     * @return the ranking, poor fits, exclusions, margin, the explanations asked for, the
     *         profile as understood and the knowledge revision; or the decision record
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Rank the libraries for a requirements profile, with the margin and, when asked for"
            + " (include), pivots and relaxations; or the decision record (format=adr, or Accept: text/markdown)",
            description = "The what-if explanations cost dozens of extra rankings each, so they are computed only on"
                    + " request: include=pivots, include=relaxations, include=pivots,relaxations, include=all or"
                    + " include=none. Without include the JSON answer omits pivots and relaxations (absent means not"
                    + " asked for; [] means asked for, and there are none); the decision record includes both unless"
                    + " include says otherwise. For purpose stack they are given per database, in stack[].")
    @ProfileBody
    @ApiResponse(responseCode = "200", description = "The ranking (JSON), or the decision record (Markdown)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Result.class)),
                @Content(mediaType = MARKDOWN, schema = @Schema(type = "string"))})
    @ProblemDocs
    public HttpResponse<?> recommend(@Nullable @Body String body,
                                     @Nullable @QueryValue @Parameter(description = "How many recommendations; 0 for all (default 10)") String top,
                                     @Nullable @QueryValue @Parameter(description = "Evaluation date, YYYY-MM-DD (default today)") String asOf,
                                     @Nullable @QueryValue @Parameter(description = "json (default) or adr") String format,
                                     @Nullable @QueryValue @Parameter(description = "What-if explanations to compute:"
                                             + " pivots, relaxations, both comma-separated, all, or none (default: none"
                                             + " for JSON, all for the decision record)",
                                             schema = @Schema(type = "string", example = "pivots,relaxations"))
                                     String include,
                                     @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        int limit = Requests.top(top);
        boolean adr = Requests.wantsMarkdown(format, accept);
        Include explanations = Requests.include(include, adr);
        KnowledgeHolder.Loaded loaded = holder.current();
        Knowledge knowledge = loaded.knowledge();
        Profile profile = new ProfileReader(knowledge.questionnaire()).read(body == null ? "" : body);
        LocalDate date = Requests.asOf(asOf);
        ResultCache.Key key = new ResultCache.Key(knowledge.revision(), profile, limit, date, explanations);
        Result cached = cache.find(key);
        Result result = cached != null ? cached
                : guard.run(loaded, profile, () -> loaded.advisor().recommend(profile, limit, date, explanations));
        if (!adr) {
            ByteBuf answer = json.write(result);
            if (cached == null) {
                cache.keep(key, result, answer.readableBytes());
            }
            return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        StringWriter text = new StringWriter();
        DecisionRecord.render(result, View.of(knowledge, View.DEFAULT_WIDTH, false), new PrintWriter(text));
        if (cached == null) {
            cache.keep(key, result, text.getBuffer().length());
        }
        return HttpResponse.ok(text.toString()).contentType(MARKDOWN + ";charset=utf-8");
    }
}
