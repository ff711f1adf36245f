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
}
