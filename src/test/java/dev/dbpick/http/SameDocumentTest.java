package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.cli.Cli;
import dev.dbpick.support.Mappers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's --format json and the service answer the same document for the same profile. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameDocumentTest implements TestPropertyProvider {

    private final KnowledgeCopy knowledge = new KnowledgeCopy();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return knowledge.properties();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}",
        "{\"purpose\":\"cache\",\"priorities\":[\"simplicity\",\"maturity\"],\"constraints\":{\"activelyMaintained\":true}}",
        "{\"databases\":[\"mysql\"],\"constraints\":{\"permissiveLicense\":true,\"noNativeBuild\":true}}",
        "{\"purpose\":\"embedded-database\",\"workload\":\"analytics\",\"priorities\":[\"performance\"]}"})
    void theCliAndTheServiceGiveTheSameDocument(String profile) throws IOException {
        JsonNode service = Mappers.json().readTree(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/recommendations", profile).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(cli(profile), service);
    }

    private JsonNode cli(String profile) throws IOException {
        Path file = Files.createTempFile(knowledge.root, "profile", ".json");
        Files.writeString(file, profile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute("recommend", "--profile", file.toString(),
                "--format", "json", "--rules", knowledge.rules.toString(), "--data", knowledge.data.toString());
        assertEquals(0, code, err.toString());
        return Mappers.json().readTree(out.toString());
    }
}
