package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.cli.Cli;
import dev.dbpick.support.Mappers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI and the service answer the same documents for the same profile: the recommendation
 * (JSON and decision record), why-not and compare.
 */
class SameDocumentTest extends ServiceTest {




    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}",
        "{\"purpose\":\"cache\",\"priorities\":[\"simplicity\",\"maturity\"],\"constraints\":{\"activelyMaintained\":true}}",
        "{\"databases\":[\"mysql\"],\"constraints\":{\"permissiveLicense\":true,\"noNativeBuild\":true}}",
        "{\"purpose\":\"embedded-database\",\"workload\":\"analytics\",\"priorities\":[\"performance\"]}",
        "{\"purpose\":\"stack\",\"databases\":[\"postgresql\",\"redis\"],\"async\":\"required\",\"framework\":\"fastapi\"}",
        "{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}"})
    void theCliAndTheServiceGiveTheSameDocument(String profile) throws IOException {
        JsonNode service = Mappers.json().readTree(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/recommendations", profile).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(cli(profile), service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pivots", "relaxations", "pivots,relaxations", "all", "none"})
    void theCliAndTheServiceGiveTheSameDocumentForEachInclude(String include) throws IOException {
        for (String profile : new String[] {"{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}",
            "{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}",
            "{\"purpose\":\"stack\",\"databases\":[\"postgresql\",\"redis\"]}"}) {
            JsonNode service = Mappers.json().readTree(client.toBlocking().retrieve(
                    HttpRequest.POST("/api/v1/recommendations?include=" + include, profile).contentType(MediaType.APPLICATION_JSON)));
            assertEquals(Mappers.json().readTree(cli(profile, "recommend", "--format", "json", "--include", include)), service,
                    profile);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlmodel", "pony", "asyncpg"})
    void whyNotIsTheSameDocument(String id) throws IOException {
        String profile = "{\"databases\":[\"postgresql\"],\"framework\":\"fastapi\",\"python\":\"3.14\"}";
        JsonNode service = Mappers.json().readTree(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/why-not/" + id, profile).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(Mappers.json().readTree(cli(profile, "why-not", id, "--format", "json")), service);
    }

    @org.junit.jupiter.api.Test
    void compareIsTheSameDocument() throws IOException {
        String profile = "{\"databases\":[\"postgresql\"],\"async\":\"required\"}";
        JsonNode service = Mappers.json().readTree(client.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/compare?ids=sqlalchemy,sqlmodel,tortoise-orm", profile).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(Mappers.json().readTree(cli(profile, "compare", "sqlalchemy", "sqlmodel", "tortoise-orm", "--format", "json")), service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?format=adr", ""})
    void theDecisionRecordIsTheSameDocument(String query) {
        String profile = "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}";
        String service = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/recommendations" + query, profile)
                .contentType(MediaType.APPLICATION_JSON).accept("text/markdown"));
        assertEquals(cli(profile, "recommend", "--format", "adr"), service);
    }

    private JsonNode cli(String profile) throws IOException {
        return Mappers.json().readTree(cli(profile, "recommend", "--format", "json"));
    }

    private String cli(String profile, String... args) {
        try {
            Path file = Files.createTempFile(knowledge.root, "profile", ".json");
            Files.writeString(file, profile);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
            all.addAll(java.util.List.of("--profile", file.toString(), "--rules", knowledge.rules.toString(),
                    "--data", knowledge.data.toString()));
            int code = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
            assertEquals(0, code, err.toString());
            return out.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
