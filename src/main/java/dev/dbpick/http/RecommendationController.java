package dev.dbpick.http;

import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.advice.Result;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

/** {@code POST /api/v1/recommendations}: the same document as {@code recommend --format json}. */
@Controller("/api/v1/recommendations")
public class RecommendationController {

    private final KnowledgeHolder holder;
    private final ResultCache cache;

    public RecommendationController(KnowledgeHolder holder, ResultCache cache) {
        this.holder = holder;
        this.cache = cache;
    }

    /**
     * Ranks the catalog for a profile.
     *
     * @param body the profile as JSON; every field is optional
     * @param top  how many recommendations to return; 0 for all (default 10)
     * @return the ranking, the exclusions, the profile as understood and the knowledge revision
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Rank the libraries for a requirements profile")
    public Result recommend(@Nullable @Body String body, @QueryValue(defaultValue = "10") int top,
                            @Nullable @QueryValue String asOf) {
        if (top < 0) {
            throw new ProfileException("invalid request: top must be 0 (all) or more, got " + top, "top", List.of());
        }
        KnowledgeHolder.Loaded loaded = holder.current();
        Knowledge knowledge = loaded.knowledge();
        Profile profile = new ProfileReader(knowledge.questionnaire()).read(body == null ? "" : body);
        java.time.LocalDate date = Requests.asOf(asOf);
        return cache.get(knowledge.revision(), profile, top, date, () -> loaded.advisor().recommend(profile, top, date));
    }
}
