package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --project on the commands that take a profile, run in-process; one behaviour per test. */
class ProjectOptionTest {

    private static final String FASTAPI = "src/test/resources/fixtures/projects/good/fastapi-poetry";
    private static final String DJANGO = "src/test/resources/fixtures/projects/good/django-requirements";

    @TempDir
    Path folder;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theProjectAnswersTheProfileAndSaysWhereEachAnswerCameFrom() throws IOException {
        Run run = run("recommend", "--project", FASTAPI, "--format", "json", "--as-of", "2026-11-26");
        assertEquals(0, run.code(), run::toString);
        JsonNode profile = Mappers.json().readTree(run.out()).get("profile");
        assertEquals("fastapi", profile.get("framework").asText());
        assertEquals("3.11", profile.get("python").asText());
        assertEquals("preferred", profile.get("async").asText());
        assertEquals("[\"postgresql\"]", profile.get("databases").toString());
        assertTrue(run.err().contains("from pyproject.toml:11: framework=fastapi (fastapi ^0.115.0)"), run.err());
        assertTrue(run.err().contains("from pyproject.toml:10: python=3.11"), run.err());
    }

    @Test
    void aFlagWinsOverTheProjectAndTheProjectSaysSo() throws IOException {
        Run run = run("recommend", "--project", FASTAPI, "--framework", "flask", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode result = Mappers.json().readTree(run.out());
        assertEquals("flask", result.get("profile").get("framework").asText());
        JsonNode answer = find(result.get("project").get("answers"), "framework");
        assertEquals("fastapi", answer.get("value").asText());
        assertFalse(answer.get("applied").asBoolean());
        assertTrue(run.err().contains("not used: your answer is framework=flask"), run.err());
    }

    @Test
    void aProfileFileWinsOverTheProject() throws IOException {
        Path profile = folder.resolve("profile.json");
        Files.writeString(profile, "{\"databases\":[\"sqlite\"],\"python\":\"3.13\"}");
        Run run = run("recommend", "--project", FASTAPI, "--profile", profile.toString(), "--format", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode understood = Mappers.json().readTree(run.out()).get("profile");
        assertEquals("[\"sqlite\"]", understood.get("databases").toString());
        assertEquals("3.13", understood.get("python").asText());
        assertEquals("fastapi", understood.get("framework").asText());
    }

    @Test
    void aRecommendationTheProjectAlreadyDependsOnIsMarked() throws IOException {
        Run run = run("recommend", "--project", FASTAPI, "--format", "json", "--top", "0");
        JsonNode recommendations = Mappers.json().readTree(run.out()).get("recommendations");
        JsonNode sqlalchemy = find(recommendations, "sqlalchemy").get("project");
        assertTrue(sqlalchemy.get("alreadyDependency").asBoolean(), sqlalchemy::toString);
        assertEquals("pyproject.toml:13", sqlalchemy.get("declaredIn").asText());
        JsonNode table = Mappers.json().readTree(run("recommend", "--project", FASTAPI, "--format", "json").out());
        assertTrue(table.get("recommendations").size() > 0);
        assertTrue(run("recommend", "--project", FASTAPI, "--top", "0").out()
                .contains("= already a dependency (pyproject.toml:13)"));
    }

    @Test
    void aPickThatWouldReplaceADependencySaysSo() throws IOException {
        Run run = run("recommend", "--project", DJANGO + "/requirements/production.txt", "--purpose", "driver",
                "--database", "postgresql", "--format", "json", "--top", "0");
        assertEquals(0, run.code(), run::toString);
        JsonNode recommendations = Mappers.json().readTree(run.out()).get("recommendations");
        JsonNode psycopg2 = find(recommendations, "psycopg2").get("project");
        assertEquals("psycopg", psycopg2.get("replaces").get(0).get("id").asText(), psycopg2::toString);
        assertTrue(find(recommendations, "psycopg").get("project").get("alreadyDependency").asBoolean());
    }

    @Test
    void withoutAProjectTheAnswersCarryNoProjectFields() throws IOException {
        Run run = run("recommend", "--database", "postgresql", "--format", "json");
        JsonNode result = Mappers.json().readTree(run.out());
        assertFalse(result.has("project"));
        assertFalse(result.get("recommendations").get(0).has("project"));
        assertEquals("", run.err());
    }

    @Test
    void whyNotAndCompareSayWhereTheLibraryStands() throws IOException {
        Run whyNot = run("why-not", "aiosqlite", "--project", FASTAPI, "--format", "json");
        assertEquals(0, whyNot.code(), whyNot::toString);
        JsonNode standing = Mappers.json().readTree(whyNot.out()).get("project");
        assertTrue(standing.get("alreadyDependency").asBoolean());
        assertEquals("development", standing.get("scope").asText());
        Run compare = run("compare", "asyncpg", "psycopg", "--project", FASTAPI);
        assertEquals(0, compare.code(), compare::toString);
        assertTrue(compare.out().contains("in project") && compare.out().contains("already a dependency"), compare.out());
    }

    @Test
    void aMissingProjectIsOneLineAndExitCodeTwo() {
        Run run = run("recommend", "--project", folder.resolve("nowhere").toString());
        assertEquals(2, run.code());
        assertEquals("dbpick: --project: cannot read project " + folder.resolve("nowhere") + ": no such file or folder\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() throws IOException {
        Path lock = folder.resolve("uv.lock");
        Files.write(lock, new byte[5 * 1024 * 1024]);
        Run run = run("recommend", "--project", lock.toString());
        assertEquals(2, run.code());
        assertEquals("dbpick: --project: uv.lock: larger than 4 MiB; not a project file\n", run.err());
    }

    @Test
    void anEmptyFolderIsNotAProject() {
        Run run = run("why-not", "peewee", "--project", folder.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("dbpick: --project: cannot read project " + folder + ": no pyproject.toml"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private static JsonNode find(JsonNode list, String key) {
        for (JsonNode item : list) {
            if (key.equals(item.path("id").asText()) || key.equals(item.path("field").asText())) {
                return item;
            }
        }
        throw new AssertionError(key + " not in " + list);
    }
}
