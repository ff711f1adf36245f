package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --include}: the JSON document carries the what-if explanations only when asked for;
 * the table and the decision record show them unless told not to; an unknown value is a usage
 * error naming the allowed ones. In process, on the repository's rules and data.
 */
class IncludeOptionTest {

    private static final String[] FITS = {"--database", "postgresql", "--async", "required", "--framework", "fastapi"};
    private static final String[] NOTHING_FITS = {"--database", "cassandra", "--purpose", "orm", "--async", "required"};

    private record Run(int code, String out, String err) {
    }

    private static Run recommend(String[] profile, String... args) {
        List<String> all = new ArrayList<>(List.of("recommend", "--as-of", "2026-11-26"));
        all.addAll(List.of(profile));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(String[] profile, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        Run run = recommend(profile, all.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return Mappers.json().readTree(run.out());
    }

    @Test
    void theJsonDocumentOmitsTheExplanationsUnlessAskedFor() throws IOException {
        JsonNode result = json(FITS);
        assertFalse(result.has("pivots"), "absent: not asked for");
        assertFalse(result.has("relaxations"), "absent: not asked for");
        assertTrue(result.has("margin") && result.has("recommendations") && result.has("excluded") && result.has("poorFits"));
    }

    @Test
    void includePivotsGivesThePivotsOnly() throws IOException {
        JsonNode result = json(FITS, "--include", "pivots");
        assertTrue(result.get("pivots").size() > 0, result.toString());
        assertFalse(result.has("relaxations"));
    }

    @Test
    void includeAllGivesBoth() throws IOException {
        JsonNode all = json(NOTHING_FITS, "--include", "all");
        assertTrue(all.get("pivots").isArray() && all.get("pivots").isEmpty(), "asked for, and none: nothing fits");
        assertTrue(all.get("relaxations").size() > 0, all.toString());
        assertEquals(all, json(NOTHING_FITS, "--include", "relaxations,pivots"));
    }

    @Test
    void theTableShowsThePivotsUnlessIncludeNone() {
        Run shown = recommend(FITS);
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("What would change the first pick:"), shown.out());
        Run none = recommend(FITS, "--include", "none");
        assertEquals(0, none.code(), none.err());
        assertFalse(none.out().contains("What would change the first pick"), none.out());
        assertTrue(none.out().contains("LIBRARY"), none.out());
    }

    @Test
    void theDecisionRecordShowsThePivotsUnlessIncludeNone() {
        assertTrue(recommend(FITS, "--format", "adr").out().contains("the first pick would become"));
        assertFalse(recommend(FITS, "--format", "adr", "--include", "none").out().contains("the first pick would become"));
    }

    @Test
    void anUnknownValueExitsTwoNamingTheAllowedOnes() {
        Run run = recommend(FITS, "--include", "pivot");
        assertEquals(ExitCode.USAGE, run.code());
        assertEquals("", run.out());
        assertEquals("dbpick: --include: unknown value \"pivot\"; allowed: pivots, relaxations, all, none (several comma-separated)",
                run.err().strip());
    }
}
