package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gated hot reload, through the file watcher: a good edit switches, a broken edit or a failing
 * scenario keeps the old knowledge serving, and requests during reloads all succeed. Each test
 * puts the files back and waits for the original knowledge before it ends.
 */
class ReloadTest extends EditedKnowledgeTest {

    @AfterEach
    void restore() throws IOException {
        for (String file : List.of("rules/team.drl", "rules/broken.drl", "rules/scenarios/impossible.yaml",
                "data/refreshed/sqlalchemy.yaml")) {
            Files.deleteIfExists(knowledge.root.resolve(file));
        }
        awaitTheOriginal();
    }

    @Test
    void aGoodEditSwitchesTheKnowledge() {
        Instant start = Instant.now();
        knowledge.write("rules/team.drl", TEAM_RULE);
        JsonNode status = await(s -> reloadedSince(s, start) && lastReloadSwitched(s), "the edit to switch in");
        assertNotEquals(original, status.get("revision").asText());
        JsonNode result = recommend("{\"databases\":[\"postgresql\"]}");
        assertEquals(status.get("revision"), result.get("knowledge").get("revision"));
        assertTrue(result.toString().contains("Team: ask the DBAs first"), result.toString());
    }

    @Test
    void aRefreshWrittenIntoTheDataFolderSwitchesThroughTheGate() throws IOException {
        Instant start = Instant.now();
        Files.createDirectories(knowledge.data.resolve("refreshed"));
        knowledge.write("data/refreshed/sqlalchemy.yaml", """
                id: "sqlalchemy"
                facts:
                  "maintenance.downloadRank":
                    value: 97
                    source: "https://hugovk.github.io/top-pypi-packages/top-pypi-packages.min.json"
                    fetched: "2026-12-01"
                """);
        await(s -> reloadedSince(s, start) && lastReloadSwitched(s) && !s.get("revision").asText().equals(original),
                "the refreshed fact to switch in");
        assertEquals(97, get("/api/v1/catalog/sqlalchemy").get("maintenance").get("downloadRank").asInt());
    }

    @Test
    void aBrokenEditKeepsTheOldKnowledgeAndReportsFileAndLine() {
        Instant start = Instant.now();
        knowledge.write("rules/broken.drl", "package dev.dbpick.rules;\n\nrule \"Broken\"\nwhen\n    Libary()\nthen\nend\n");
        JsonNode status = await(s -> reloadedSince(s, start) && !lastReloadSwitched(s), "the broken edit to be rejected");
        assertEquals(original, status.get("revision").asText());
        assertTrue(status.get("lastReloadError").toString().contains("broken.drl:5:"), status.toString());
        JsonNode health = get("/health");
        assertTrue(health.get("details").get("lastReloadError").toString().contains("broken.drl:5:"), health.toString());
        assertEquals(original, recommend("{}").get("knowledge").get("revision").asText());
    }

    @Test
    void aForcedReloadOfABrokenEditAnswers422ProblemDetailsListingEveryProblem() {
        Instant start = Instant.now();
        knowledge.write("rules/broken.drl", "package dev.dbpick.rules;\n\nrule \"Broken\"\nwhen\n    Libary()\nthen\nend\n");
        await(s -> reloadedSince(s, start) && !lastReloadSwitched(s), "the watcher to reject the edit first");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/knowledge/reload", "").bearerAuth("test-token"),
                        String.class));
        assertEquals(422, e.getStatus().getCode());
        assertEquals(Problem.MEDIA_TYPE, e.getResponse().getContentType().orElseThrow().toString());
        JsonNode problem = parse(e.getResponse().getBody(String.class).orElseThrow());
        assertEquals("Reload rejected", problem.get("title").asText());
        assertTrue(problem.get("detail").asText().contains("still serving revision " + original), problem.toString());
        assertTrue(problem.get("problems").toString().contains("broken.drl:5:"), problem.toString());
    }

    @Test
    void aFailingScenarioKeepsTheOldKnowledge() {
        Instant start = Instant.now();
        knowledge.write("rules/scenarios/impossible.yaml", """
                asOf: 2026-11-26
                scenarios:
                  - name: SQLite is not MongoDB
                    profile: {databases: [sqlite]}
                    expect:
                      top: beanie
                """);
        JsonNode status = await(s -> reloadedSince(s, start) && !lastReloadSwitched(s), "the failing scenario to block the switch");
        assertEquals(original, status.get("revision").asText());
        assertTrue(status.get("lastReloadError").toString().contains("SQLite is not MongoDB: top: expected beanie"), status.toString());
    }

    @Test
    void requestsDuringReloadsAllSucceed() throws Exception {
        Set<String> revisions = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 150; i++) {
                        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/api/v1/recommendations",
                                "{\"databases\":[\"postgresql\"]}").contentType(MediaType.APPLICATION_JSON), String.class);
                        assertEquals(200, response.code());
                        revisions.add(Mappers.json().readTree(response.body()).get("knowledge").get("revision").asText());
                        ok++;
                    }
                    return ok;
                }));
            }
            for (int reload = 0; reload < 6; reload++) {
                if (reload % 2 == 0) {
                    knowledge.write("rules/team.drl", TEAM_RULE);
                } else {
                    Files.deleteIfExists(knowledge.root.resolve("rules/team.drl"));
                }
                HttpResponse<String> forced = client.toBlocking().exchange(
                        HttpRequest.POST("/api/v1/knowledge/reload", "").bearerAuth("test-token"), String.class);
                assertEquals(200, forced.code());
            }
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get(2 * AWAIT_SECONDS, TimeUnit.SECONDS);
            }
            assertEquals(600, total);
            assertTrue(revisions.size() <= 2, "every response came from one of the two knowledge versions: " + revisions);
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode recommend(String profile) {
        return parse(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/recommendations", profile).contentType(MediaType.APPLICATION_JSON)));
    }

    private static JsonNode parse(String json) {
        try {
            return Mappers.json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
