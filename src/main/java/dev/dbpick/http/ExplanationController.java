package dev.dbpick.http;

import dev.dbpick.explanation.Comparison;
import dev.dbpick.explanation.WhyNot;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;

/**
 * The questions that follow a ranking: why not a library ({@code dbpick why-not}) and libraries
 * side by side ({@code dbpick compare}); the same documents as the CLI's {@code --format json}.
 */
@Controller("/api/v1")
@Tag(name = "Explanations", description = "The questions that follow a ranking")
public class ExplanationController {

    private final KnowledgeHolder holder;
    private final RankingGuard guard;

    public ExplanationController(KnowledgeHolder holder, RankingGuard guard) {
        this.holder = holder;
        this.guard = guard;
    }

    /**
     * Where one library stands for the profile in the body and why; what would admit it.
     *
     * @param id the library id
     */
    @Post("/why-not/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Why not this library: its status, exclusions, the lines against the first pick, what would admit it")
    @ProfileBody
    @ApiResponse(responseCode = "404", description = "An unknown library id; detail names the closest",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ProblemDocs
    public WhyNot whyNot(@PathVariable String id, @Nullable @Body String body,
                         @Nullable @QueryValue @Parameter(description = "Evaluation date, YYYY-MM-DD (default today)") String asOf) {
        KnowledgeHolder.Loaded loaded = holder.current();
        Profile profile = new ProfileReader(loaded.knowledge().questionnaire()).read(body == null ? "" : body);
        java.time.LocalDate date = Requests.asOf(asOf);
        return guard.run(loaded, profile, () -> loaded.advisor().whyNot(profile, id, date));
    }

    /**
     * Two to four libraries side by side for the profile in the body.
     *
     * @param ids the library ids, comma-separated, in the order to show them
     */
    @Post("/compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Two to four libraries side by side: facts, and status, score and lines for the profile")
    @ProfileBody
    @ApiResponse(responseCode = "404", description = "An unknown library id; detail names the closest",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ProblemDocs
    public Comparison compare(@Nullable @QueryValue @Parameter(description = "2 to 4 library ids, comma-separated") String ids,
                              @Nullable @Body String body,
                              @Nullable @QueryValue @Parameter(description = "Evaluation date, YYYY-MM-DD (default today)") String asOf) {
        KnowledgeHolder.Loaded loaded = holder.current();
        Profile profile = new ProfileReader(loaded.knowledge().questionnaire()).read(body == null ? "" : body);
        List<String> list = ids == null || ids.isBlank() ? List.of()
                : Arrays.stream(ids.split(",", -1)).map(String::strip).toList();
        try {
            java.time.LocalDate date = Requests.asOf(asOf);
            return guard.run(loaded, profile, () -> loaded.advisor().compare(profile, list, date));
        } catch (IllegalArgumentException e) {
            throw new ProfileException("invalid request: " + e.getMessage() + " (ids=a,b)", "ids", List.of());
        }
    }
}
