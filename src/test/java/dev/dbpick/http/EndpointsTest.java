package dev.dbpick.http;

import dev.dbpick.TestKnowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One black-box test per endpoint and per error case, over HTTP. */
class EndpointsTest extends ServiceTest {




    @Test
    void recommendationsRankTheCatalog() throws IOException {
        JsonNode result = post("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}");
        assertEquals(1, result.get("recommendations").get(0).get("rank").asInt());
        assertEquals("required", result.get("profile").get("async").asText());
        assertEquals(12, result.get("knowledge").get("revision").asText().length());
        assertTrue(result.get("recommendations").get(0).has("cautions"), "empty lists stay in the document");
    }

    @Test
    void recommendationsTakeTop() throws IOException {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/recommendations?top=0", "{}").contentType(MediaType.APPLICATION_JSON), String.class);
        JsonNode result = Mappers.json().readTree(response.body());
        int libraries = result.get("knowledge").get("libraries").asInt();
        assertEquals(libraries - result.get("excluded").size() - result.get("poorFits").size(), result.get("recommendations").size());
    }

    @Test
    void aNewResultIsCachedWeighedByTheAnswerWrittenAndARepeatIsTheSameAnswer() {
        ResultCache cache = server.getApplicationContext().getBean(ResultCache.class);
        HttpRequest<String> request = HttpRequest.POST("/api/v1/recommendations?top=7",
                "{\"databases\":[\"sqlite\"],\"async\":\"required\",\"deployment\":\"embedded\"}").contentType(MediaType.APPLICATION_JSON);
        long[] before = cache.usage();

        String first = client.toBlocking().retrieve(request, String.class);
        long[] kept = cache.usage();
        String second = client.toBlocking().retrieve(request, String.class);

        assertEquals(before[0] + 1, kept[0], "one result kept");
        assertEquals(2L * first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, kept[1] - before[1],
                "weighed by the answer's length (twice, for the objects behind it)");
        assertEquals(first, second);
        assertEquals(kept[0], cache.usage()[0], "the repeat is answered from the cache");
    }

    @Test
    void withoutIncludeTheAnswerOmitsThePivotsAndTheRelaxations() {
        JsonNode result = post("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}");
        assertFalse(result.has("pivots"), "not asked for, so absent: " + result.fieldNames());
        assertFalse(result.has("relaxations"), "not asked for, so absent");
        for (String key : new String[] {"recommendations", "poorFits", "excluded", "margin", "profile", "knowledge"}) {
            assertTrue(result.has(key), key);
        }
        assertTrue(result.get("margin").has("points"), "the margin reads the ranking and is always there");
    }

    @Test
    void includePivotsGivesThePivotsOnly() {
        JsonNode result = post("?include=pivots", "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}");
        assertTrue(result.get("pivots").isArray() && result.get("pivots").size() > 0, result.toString());
        assertTrue(result.get("pivots").get(0).has("changes") && result.get("pivots").get(0).has("top"));
        assertFalse(result.has("relaxations"), "not asked for");
    }

    @Test
    void includeAllGivesBothAndAnEmptyListMeansAskedAndNone() {
        String profile = "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}";
        JsonNode all = post("?include=all", profile);
        assertEquals(all, post("?include=pivots,relaxations", profile), "all is both");
        assertTrue(all.get("pivots").size() > 0);
        assertTrue(all.get("relaxations").isArray() && all.get("relaxations").isEmpty(), "something fits: asked, and none");
        JsonNode nothingFits = post("?include=relaxations", "{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}");
        assertTrue(nothingFits.get("relaxations").size() > 0, nothingFits.toString());
        assertFalse(nothingFits.has("pivots"));
        assertFalse(post("?include=none", profile).has("pivots"));
    }

    @Test
    void aWholeDataLayerGivesItsExplanationsPerDatabaseWhenAsked() {
        String profile = "{\"purpose\":\"stack\",\"databases\":[\"postgresql\",\"redis\"],\"async\":\"required\"}";
        JsonNode bare = post(profile);
        JsonNode explained = post("?include=pivots,relaxations", profile);
        for (int i = 0; i < bare.get("stack").size(); i++) {
            assertFalse(bare.get("stack").get(i).has("pivots"), bare.get("stack").get(i).toString());
            assertFalse(bare.get("stack").get(i).has("relaxations"));
            assertTrue(explained.get("stack").get(i).get("pivots").isArray());
            assertTrue(explained.get("stack").get(i).get("relaxations").isArray());
            assertEquals(bare.get("stack").get(i).get("pick"), explained.get("stack").get(i).get("pick"));
        }
    }

    @Test
    void anUnknownIncludeIs400NamingTheAllowedValues() {
        JsonNode problem = problem(400, HttpRequest.POST("/api/v1/recommendations?include=pivot", "{}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals("include", problem.get("field").asText());
        assertEquals("[\"pivots\",\"relaxations\",\"all\",\"none\"]", problem.get("allowed").toString());
        assertTrue(problem.get("detail").asText().contains("\"pivot\""), problem.toString());
        assertEquals("Invalid request", problem.get("title").asText());
    }

    @Test
    void theDecisionRecordIncludesTheExplanationsUnlessToldNot() {
        String profile = "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}";
        String full = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/recommendations?format=adr", profile)
                .contentType(MediaType.APPLICATION_JSON));
        String bare = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/recommendations?format=adr&include=none", profile)
                .contentType(MediaType.APPLICATION_JSON));
        assertTrue(full.contains("the first pick would become"), full);
        assertFalse(bare.contains("the first pick would become"), bare);
    }

    @Test
    void catalogListsEveryLibrary() throws IOException {
        JsonNode catalog = get("/api/v1/catalog");
        assertEquals(TestKnowledge.knowledge().catalog().size(), catalog.size());
    }

    @Test
    void catalogShowsOneLibrary() throws IOException {
        assertEquals("SQLAlchemy", get("/api/v1/catalog/sqlalchemy").get("name").asText());
    }

    @Test
    void questionnaireListsTheQuestions() throws IOException {
        JsonNode questionnaire = get("/api/v1/questionnaire");
        assertEquals("purpose", questionnaire.get("questions").get(0).get("field").asText());
    }

    @Test
    void theQuestionnaireSaysTheDatabasesSettleTheDeployment() throws IOException {
        JsonNode questions = get("/api/v1/questionnaire").get("questions");
        JsonNode deployment = null;
        for (JsonNode q : questions) {
            deployment = "deployment".equals(q.get("field").asText()) ? q : deployment;
        }
        assertTrue(deployment != null && deployment.get("skipWhen").toString().contains("{\"databases\":[\"postgresql\""),
                "a client skips the deployment question once only server databases are chosen: " + deployment);
    }

    @Test
    void knowledgeGivesTheRevision() throws IOException {
        JsonNode status = get("/api/v1/knowledge");
        assertEquals(12, status.get("revision").asText().length());
        assertTrue(status.get("loadedAt").asText().contains("T"), "an ISO-8601 time: " + status);
    }

    @Test
    void healthCarriesTheRevision() throws IOException {
        JsonNode health = get("/health");
        assertEquals("UP", health.get("status").asText());
        assertEquals(get("/api/v1/knowledge").get("revision"), health.get("details").get("revision"));
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        String openapi = client.toBlocking().retrieve("/swagger/dbpick-1.yml");
        assertTrue(openapi.contains("$ref: \"#/components/schemas/ProfileRequest\""), "the request body is the profile schema");
        assertTrue(openapi.contains("FastAPI on PostgreSQL"), "an example profile for Try it out");
        assertTrue(openapi.contains("application/problem+json"), "errors are documented as problem details");
        assertTrue(openapi.contains("- Recommendations") && openapi.contains("- Explanations") && openapi.contains("- Catalog"));
        assertTrue(client.toBlocking().retrieve("/swagger/dbpick-1.yml").contains("/api/v1/recommendations"));
        assertTrue(openapi.contains("- name: include"), "include is a documented query parameter");
        assertTrue(openapi.contains("Absent when not asked for"), "the document says pivots and relaxations are on request");
        assertTrue(client.toBlocking().retrieve("/swagger-ui/index.html").contains("swagger-ui"));
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = problem(400, HttpRequest.POST("/api/v1/recommendations", "{\"databases\":")
                .contentType(MediaType.APPLICATION_JSON));
        assertTrue(problem.get("detail").asText().contains("malformed JSON"), problem.toString());
    }

    @Test
    void anUnknownFieldIs400NamingItAndTheAllowedFields() {
        JsonNode problem = problem(400, HttpRequest.POST("/api/v1/recommendations", "{\"database\":[\"mysql\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals("database", problem.get("field").asText());
        assertTrue(problem.get("allowed").toString().contains("databases"), problem.toString());
    }

    @Test
    void anUnknownValueIs400NamingTheFieldAndTheAllowedValues() {
        JsonNode problem = problem(400, HttpRequest.POST("/api/v1/recommendations", "{\"databases\":[\"postgres\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals("databases", problem.get("field").asText());
        assertTrue(problem.get("allowed").toString().contains("postgresql"), problem.toString());
    }

    @Test
    void anEvaluationDateOutsideTheYears1990To2100OrNotFourDigitsIs400() {
        for (String asOf : new String[] {"1989-12-31", "2101-01-01", "+10000-01-01", "0001-01-01", "99999-01-01", "26-11-26"}) {
            JsonNode problem = problem(400, HttpRequest.POST("/api/v1/recommendations?asOf=" + asOf, "{}")
                    .contentType(MediaType.APPLICATION_JSON));
            assertTrue(problem.get("detail").asText().contains("\"asOf\" must be a date from 1990-01-01 to 2100-12-31"),
                    asOf + ": " + problem);
        }
        for (String asOf : new String[] {"1990-01-01", "2100-12-31"}) {
            assertEquals(asOf, json(client.toBlocking().retrieve(HttpRequest.POST("/api/v1/recommendations?asOf=" + asOf, "{}")
                    .contentType(MediaType.APPLICATION_JSON))).get("knowledge").get("evaluatedOn").asText());
        }
    }

    @Test
    void aWrongTypeIs400() {
        JsonNode problem = problem(400, HttpRequest.POST("/api/v1/recommendations", "{\"async\":true}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals("async", problem.get("field").asText());
    }

    @Test
    void aWrongContentTypeIs415() {
        problem(415, HttpRequest.POST("/api/v1/recommendations", "{}").contentType(MediaType.TEXT_PLAIN));
    }

    @Test
    void aBodyOver64KiBIs413() {
        String big = "{\"purpose\":\"" + "x".repeat(70_000) + "\"}";
        problem(413, HttpRequest.POST("/api/v1/recommendations", big).contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void anUnknownPathIs404() {
        problem(404, HttpRequest.GET("/api/v1/nothing-here"));
    }

    @Test
    void anUnknownLibraryIs404() {
        JsonNode problem = problem(404, HttpRequest.GET("/api/v1/catalog/sqlalchemi"));
        assertTrue(problem.get("detail").asText().contains("sqlalchemi"), problem.toString());
    }

    @Test
    void aWrongMethodIs405() {
        problem(405, HttpRequest.GET("/api/v1/recommendations"));
    }

    @Test
    void reloadWithoutTheTokenIs401() {
        problem(401, HttpRequest.POST("/api/v1/knowledge/reload", ""));
        problem(401, HttpRequest.POST("/api/v1/knowledge/reload", "").bearerAuth("wrong"));
    }

    @Test
    void reloadWithTheTokenReportsTheOutcome() throws IOException {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/knowledge/reload", "").bearerAuth("test-token"), String.class);
        assertEquals(200, response.code());
        assertTrue(Mappers.json().readTree(response.body()).get("switched").asBoolean());
    }



    /** Sends a request that must fail with {@code status}, and returns its problem document. */
    private JsonNode problem(int status, HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected " + status);
        } catch (HttpClientResponseException e) {
            assertEquals(status, e.getStatus().getCode());
            assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
            String body = e.getResponse().getBody(String.class).orElse("");
            assertFalse(body.contains("Exception") || body.contains("dev.dbpick") || body.contains("\tat "), body);
            try {
                JsonNode problem = Mappers.json().readTree(body);
                assertEquals(status, problem.get("status").asInt());
                return problem;
            } catch (IOException io) {
                throw new AssertionError(body, io);
            }
        }
    }
}
