package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of 'dbpick ask' with answers piped in, as a script would. */
class AskIT {

    private static final Path HERE = Path.of("").toAbsolutePath();

    @TempDir
    Path folder;

    @Test
    void pipedAnswersGiveTheRanking() throws IOException {
        JarRun.Outcome run = JarRun.in(HERE, "2\n1,4\n\n\n1\n\n\n\n\n\n\n", "ask", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode profile = Mappers.json().readTree(run.out()).get("profile");
        assertEquals("driver", profile.get("purpose").asText());
        assertEquals("[\"postgresql\",\"sqlite\"]", profile.get("databases").toString());
        assertEquals("required", profile.get("async").asText());
        assertTrue(run.err().contains("libraries still fit"), "each answer says its effect: " + run);
    }

    @Test
    void savedAnswersGiveTheSameRankingToRecommend() throws IOException {
        Path saved = folder.resolve("profile.json");
        JarRun.Outcome ask = JarRun.in(HERE, "1\n9\n\n\n\n\n3\n\n\n2,4\n1\n", "ask", "--format", "json", "--save", saved.toString());
        assertEquals(0, ask.code(), ask::toString);
        JarRun.Outcome recommend = JarRun.run("recommend", "--profile", saved.toString(), "--format", "json");
        assertEquals(0, recommend.code(), recommend::toString);
        assertEquals(Mappers.json().readTree(ask.out()), Mappers.json().readTree(recommend.out()));
    }

    @Test
    void includeAsksForTheExplanationsTheJsonOtherwiseOmits() throws IOException {
        String answers = "\n\n\n\n\n\n\n\n";
        String[] profile = {"--database", "postgresql", "--async", "required", "--framework", "fastapi", "--format", "json"};
        JarRun.Outcome bare = JarRun.in(HERE, answers, concat(new String[] {"ask"}, profile));
        assertEquals(0, bare.code(), bare::toString);
        assertFalse(Mappers.json().readTree(bare.out()).has("pivots"), bare::toString);
        JarRun.Outcome asked = JarRun.in(HERE, answers, concat(new String[] {"ask", "--include", "pivots"}, profile));
        assertEquals(0, asked.code(), asked::toString);
        assertTrue(Mappers.json().readTree(asked.out()).get("pivots").size() > 0, asked::toString);
        JarRun.Outcome wrong = JarRun.in(HERE, answers, concat(new String[] {"ask", "--include", "everything"}, profile));
        assertEquals(2, wrong.code(), wrong::toString);
        assertTrue(wrong.err().contains("allowed: pivots, relaxations, all, none"), wrong::toString);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void answersGivenAsFlagsAreNotAsked() throws IOException {
        JarRun.Outcome run = JarRun.in(HERE, "\n\n\n\n\n\n\n\n", "ask", "--database", "mongodb", "--async", "required",
                "--framework", "fastapi", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        assertFalse(run.err().contains("Which databases must it work with?"), run::toString);
        assertEquals("beanie", Mappers.json().readTree(run.out()).get("recommendations").get(0).get("id").asText());
    }

    @Test
    void aProjectSettlesAnswersThatAreThenNotAsked() throws IOException {
        JarRun.Outcome run = JarRun.in(HERE, "\n\n\n\n\n\n\n", "ask", "--project",
                "src/test/resources/fixtures/projects/good/fastapi-poetry", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().contains("from pyproject.toml:11: framework=fastapi"), run::toString);
        assertFalse(run.err().contains("Which web framework, if any?"), run::toString);
        assertFalse(run.err().contains("Which databases must it work with?"), run::toString);
        assertTrue(run.err().contains("What kind of library are you looking for?"), run::toString);
        JsonNode profile = Mappers.json().readTree(run.out()).get("profile");
        assertEquals("fastapi", profile.get("framework").asText());
        assertEquals("[\"postgresql\"]", profile.get("databases").toString());
    }

    @Test
    void endOfInputAbandonsWithoutSaving() {
        Path saved = folder.resolve("never.json");
        JarRun.Outcome run = JarRun.in(HERE, "2\n", "ask", "--save", saved.toString());
        assertEquals(130, run.code(), run::toString);
        assertTrue(run.err().strip().endsWith("dbpick: questionnaire abandoned (end of input); nothing was saved"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
        assertEquals("", run.out());
        assertFalse(Files.exists(saved));
    }

    @Test
    void anInvalidPrefilledAnswerExitsTwo() {
        JarRun.Outcome run = JarRun.in(HERE, "", "ask", "--async", "sometimes");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("\"async\" unknown value \"sometimes\""), run::toString);
    }
}
