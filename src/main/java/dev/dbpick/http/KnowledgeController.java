package dev.dbpick.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dbpick.knowledge.Knowledge;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The knowledge in service, the last reload, forced reloads, and health. */
@Controller
@Tag(name = "Knowledge", description = "The rules and data in service, reloads, and health")
public class KnowledgeController {

    private final KnowledgeHolder holder;
    private final ServiceSettings settings;
    private final RankingGuard guard;
    private final KnowledgeWatcher watcher;

    public KnowledgeController(KnowledgeHolder holder, ServiceSettings settings, RankingGuard guard, KnowledgeWatcher watcher) {
        this.holder = holder;
        this.settings = settings;
        this.guard = guard;
        this.watcher = watcher;
    }

    /**
     * What {@code GET /api/v1/knowledge} answers; {@code lastFailure} is the last request the
     * knowledge in service failed (with the profile, and the revision switched back to).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "KnowledgeStatus")
    public record Status(String revision, Instant loadedAt, int rules, int libraries, String rulesFolder,
                         String dataFolder, KnowledgeHolder.Outcome lastReload, List<String> lastReloadError,
                         KnowledgeHolder.Failure lastFailure, Knowledge.Team team) {
    }

    @Get("/api/v1/knowledge")
    @Operation(summary = "The knowledge in service: revision, when loaded, the last reload and its error")
    public Status knowledge() {
        KnowledgeHolder.Loaded loaded = holder.current();
        Knowledge knowledge = loaded.knowledge();
        KnowledgeHolder.Outcome last = PublicProblems.of(holder.lastReload());
        return new Status(knowledge.revision(), loaded.loadedAt(), knowledge.rules().names().size(),
                knowledge.catalog().size(), holder.rulesFolder().label(), holder.dataFolder().label(), last,
                last == null || last.switched() ? null : last.problems(), holder.lastFailure(), knowledge.team());
    }

    /**
     * Reloads now and says what happened: 200 when the new knowledge is in service, 422 when it
     * was rejected (the old knowledge keeps serving). Needs {@code Authorization: Bearer TOKEN}
     * with the configured admin token; disabled (403) when none is configured.
     */
    @Post("/api/v1/knowledge/reload")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Force a reload (needs the admin token)",
            description = "Checks the rules and data in a separate process (compile, values, every scenario) and switches"
                    + " only when everything passes.")
    @ApiResponse(responseCode = "200", description = "The new knowledge is in service",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KnowledgeHolder.Outcome.class)))
    @ApiResponse(responseCode = "401", description = "Missing or wrong Authorization: Bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Reload over HTTP is disabled: no admin token configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Rejected; the previous knowledge keeps serving; problems lists why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> reload(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = settings.adminToken();
        if (token == null || token.isBlank()) {
            return problem(HttpStatus.FORBIDDEN, "Reload over HTTP is disabled: no admin token is configured (DBPICK_ADMIN_TOKEN)");
        }
        if (authorization == null || !authorization.startsWith("Bearer ") || !sameToken(token, authorization.substring(7).strip())) {
            return problem(HttpStatus.UNAUTHORIZED, "Send Authorization: Bearer <admin token>")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        KnowledgeHolder.Outcome outcome = holder.reload();
        if (outcome.switched()) {
            return HttpResponse.ok(outcome);
        }
        String detail = "The new rules and data were rejected; still serving revision " + holder.current().knowledge().revision()
                + ". " + outcome.problems().size() + " problem(s)" + (outcome.problems().isEmpty() ? "" : "; the first: "
                + outcome.problems().get(0));
        return HttpResponse.<Problem>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new Problem("about:blank", "Reload rejected", 422, detail, "/api/v1/knowledge/reload", null, List.of(),
                        outcome.problems()))
                .contentType(Problem.MEDIA_TYPE);
    }

    /**
     * Health, with the knowledge revision, any reload error and the last failure in service in
     * its details. DOWN (503) when ranking threads are stuck or the reload watcher has stopped:
     * the process needs a restart.
     */
    @Get("/health")
    @Operation(summary = "Health and the knowledge revision; DOWN (503) when rankings are stuck or the watcher stopped",
            tags = "Health")
    public HttpResponse<Map<String, Object>> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", holder.current().knowledge().revision());
        KnowledgeHolder.Outcome last = holder.lastReload();
        if (last != null && !last.switched()) {
            details.put("lastReloadError", PublicProblems.of(last.problems()));
        }
        if (holder.lastFailure() != null) {
            details.put("lastFailure", holder.lastFailure());
        }
        List<String> down = new ArrayList<>(guard.stuck());
        if (watcher.stopped() != null) {
            down.add("the knowledge watcher stopped: " + watcher.stopped());
        }
        if (!down.isEmpty()) {
            details.put("down", down);
        }
        Map<String, Object> health = Map.of("status", down.isEmpty() ? "UP" : "DOWN", "details", details);
        return down.isEmpty() ? HttpResponse.ok(health) : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(health);
    }

    private static boolean sameToken(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static io.micronaut.http.MutableHttpResponse<Problem> problem(HttpStatus status, String detail) {
        return HttpResponse.<Problem>status(status)
                .body(Problem.of(status.getCode(), status.getReason(), detail, "/api/v1/knowledge/reload"))
                .contentType(Problem.MEDIA_TYPE);
    }
}
