package dev.dbpick.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * The one setup every service test shares: an in-process server on a private copy of the
 * repository's rules/ and data/ (which a test may edit), with a test admin token, and a client.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceTest implements TestPropertyProvider {

    protected final KnowledgeCopy knowledge = new KnowledgeCopy();

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return knowledge.properties();
    }

    /** POSTs a profile to the recommendations endpoint and reads the answer. */
    protected JsonNode post(String profile) {
        return json(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/recommendations", profile).contentType(MediaType.APPLICATION_JSON)));
    }

    /** POSTs a profile to the recommendations endpoint with a query string ({@code ?include=pivots}) and reads the answer. */
    protected JsonNode post(String query, String profile) {
        return json(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/recommendations" + query, profile).contentType(MediaType.APPLICATION_JSON)));
    }

    /** GETs a path and reads the answer. */
    protected JsonNode get(String path) {
        return json(client.toBlocking().retrieve(path));
    }

    protected static JsonNode json(String text) {
        try {
            return Mappers.json().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for an event, not a duration: only a reload that never comes fails a test. */
    protected static final long AWAIT_SECONDS = 360;

    /** What {@code GET /api/v1/knowledge} answers now. */
    protected JsonNode status() {
        return get("/api/v1/knowledge");
    }

    protected static boolean reloadedSince(JsonNode status, java.time.Instant start) {
        JsonNode last = status.get("lastReload");
        return last != null && !last.isNull() && java.time.Instant.parse(last.get("at").asText()).isAfter(start);
    }

    protected static boolean lastReloadSwitched(JsonNode status) {
        JsonNode last = status.get("lastReload");
        return last == null || last.isNull() || last.get("switched").asBoolean();
    }

    /** Polls the knowledge status until {@code condition} holds; fails after {@link #AWAIT_SECONDS}. */
    protected JsonNode await(java.util.function.Predicate<JsonNode> condition, String what) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        JsonNode status = status();
        while (!condition.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last status: " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            status = status();
        }
        return status;
    }
}
