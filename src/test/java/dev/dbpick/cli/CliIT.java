package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests: the packaged jar, run as a process, one behaviour per test. */
class CliIT {

    @TempDir
    Path elsewhere;

    @Test
    void recommendPrintsARankedTableWithinOneHundredColumns() {
        JarRun.Outcome run = JarRun.run("recommend", "--database", "postgresql", "--async", "required", "--framework", "fastapi");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("LIBRARY") && run.out().contains("SCORE"), run::toString);
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 100), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void recommendJsonScoresAreTheSumOfTheirReasons() throws IOException {
        JarRun.Outcome run = JarRun.run("recommend", "--database", "mysql", "--format", "json", "--top", "0");
        assertEquals(0, run.code(), run::toString);
        JsonNode result = Mappers.json().readTree(run.out());
        assertTrue(result.get("recommendations").size() > 0);
        for (JsonNode r : result.get("recommendations")) {
            int sum = 0;
            for (JsonNode reason : r.get("reasons")) {
                sum += reason.get("points").asInt();
            }
            assertEquals(sum, r.get("score").asInt(), r.get("id").asText());
        }
        assertEquals(12, result.get("knowledge").get("revision").asText().length());
        assertEquals("[\"mysql\"]", result.get("profile").get("databases").toString());
    }

    @Test
    void recommendReadsAProfileFileAndFlagsOverrideIt() throws IOException {
        Path profile = elsewhere.resolve("profile.json");
        Files.writeString(profile, "{\"databases\":[\"mongodb\"],\"async\":\"required\"}");
        JarRun.Outcome run = JarRun.run("recommend", "--profile", profile.toString(), "--async", "not-needed", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode understood = Mappers.json().readTree(run.out()).get("profile");
        assertEquals("not-needed", understood.get("async").asText());
        assertEquals("mongodb", understood.get("databases").get(0).asText());
    }

    @Test
    void recommendReadsAProfileFromStandardInput() throws IOException {
        JarRun.Outcome run = JarRun.in(Path.of("").toAbsolutePath(), "{\"purpose\":\"cache\"}",
                "recommend", "--profile", "-", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        assertEquals("cache", Mappers.json().readTree(run.out()).get("profile").get("purpose").asText());
    }

    @Test
    void recommendMarkdownIsATable() {
        JarRun.Outcome run = JarRun.run("recommend", "--database", "sqlite", "--format", "markdown");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("| # | Library |"), run::toString);
    }

    @Test
    void recommendExplainShowsRulesAndExclusions() {
        JarRun.Outcome run = JarRun.run("recommend", "--database", "redis", "--explain");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("EXCLUDED"), run::toString);
        assertTrue(run.out().contains("[Databases: works with none of the chosen databases]"), run::toString);
    }

    @Test
    void anInvalidProfileExitsTwoWithOneLineNamingTheField() {
        JarRun.Outcome run = JarRun.run("recommend", "--database", "postgresq");
        assertEquals(2, run.code(), run::toString);
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("\"databases\" unknown value \"postgresq\" (did you mean \"postgresql\"?); allowed: postgresql"), run::toString);
    }

    @Test
    void aMissingProfileFileExitsTwo() {
        JarRun.Outcome run = JarRun.run("recommend", "--profile", "no-such-profile.json");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().startsWith("dbpick: cannot read profile no-such-profile.json: no such file"), run::toString);
    }

    @Test
    void anUnknownOptionExitsTwo() {
        JarRun.Outcome run = JarRun.run("recommend", "--colour");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("unknown option '--colour'"), run::toString);
        assertFalse(run.err().contains("at dev.dbpick"), run::toString);
    }

    @Test
    void typosGetADidYouMean() {
        assertDidYouMean(JarRun.run("recomend"), "unknown command 'recomend'; did you mean 'recommend'?");
        assertDidYouMean(JarRun.run("recommend", "--databse", "sqlite"), "unknown option '--databse'; did you mean '--database'?");
        assertDidYouMean(JarRun.run("recommend", "--database", "postgres"), "unknown value \"postgres\" (did you mean \"postgresql\"?)");
        assertDidYouMean(JarRun.run("recommend", "--database", "mongo"), "(did you mean \"mongodb\"?)");
        assertDidYouMean(JarRun.run("catalog", "list", "--database", "pg"), "(did you mean \"postgresql\"?)");
        assertDidYouMean(JarRun.run("help", "catalog", "lst"), "unknown command 'lst'; did you mean 'list'?");
    }

    private static void assertDidYouMean(JarRun.Outcome run, String expected) {
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains(expected), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
    }

    @Test
    void serveReportsAPortInUseAndBadSettingsAsUsageErrors() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            JarRun.Outcome inUse = JarRun.in(elsewhere, null, "serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, inUse.code(), inUse::toString);
            assertTrue(inUse.err().contains("port " + taken.getLocalPort() + " is already in use"), inUse::toString);
        }
        JarRun.Outcome range = JarRun.in(elsewhere, null, "serve", "--port", "70000");
        assertEquals(2, range.code(), range::toString);
        assertTrue(range.err().contains("--port 70000 is not a port number"), range::toString);
        JarRun.Outcome abc = JarRun.in(elsewhere, null, java.util.Map.of("MICRONAUT_SERVER_PORT", "abc"), "serve");
        assertEquals(2, abc.code(), abc::toString);
        assertEquals("dbpick: setting micronaut.server.port = \"abc\" is not a port number (0 to 65535); it comes from"
                + " MICRONAUT_SERVER_PORT, -Dmicronaut.server.port or application.yml\n", abc.err());
        JarRun.Outcome timeout = JarRun.in(elsewhere, null, java.util.Map.of("DBPICK_REQUEST_TIMEOUT_SECONDS", "soon"), "serve");
        assertEquals(2, timeout.code(), timeout::toString);
        assertTrue(timeout.err().contains("setting dbpick.request-timeout-seconds = \"soon\""), timeout::toString);
    }

    @Test
    void whenNothingFitsTheTableSaysWhatRulesLibrariesOutWithinTheWidth() {
        JarRun.Outcome run = JarRun.in(Path.of("").toAbsolutePath(), null, java.util.Map.of("COLUMNS", "80"),
                "recommend", "--database", "postgresql", "--constraint", "standardLibraryOnly");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("What rules them out"), run::toString);
        assertTrue(run.out().contains("Install: not in the standard library"), run::toString);
        assertTrue(run.out().contains("with constraints: drop standardLibraryOnly"), run::toString);
        assertTrue(run.out().lines().allMatch(l -> l.length() <= 80), run::toString);
    }

    @Test
    void completionScriptsCoverCommandsOptionsAndValues() throws Exception {
        JarRun.Outcome bash = JarRun.run("completion", "bash");
        assertEquals(0, bash.code(), bash::toString);
        assertTrue(bash.out().contains("complete -F") && bash.out().contains("why-not"), "commands are completed");
        assertTrue(bash.out().contains("\"postgresql\" \"mysql\""), "profile values come from the questionnaire");
        assertTrue(bash.out().contains("\"sqlalchemy\""), "library ids come from the catalog");
        JarRun.Outcome zsh = JarRun.run("completion", "zsh");
        assertTrue(zsh.out().contains("bashcompinit"), zsh::toString);
        assertEquals(2, JarRun.run("completion", "fish").code());
        Path script = elsewhere.resolve("dbpick.bash");
        Files.writeString(script, bash.out());
        Process shell = new ProcessBuilder("bash", "-c", "source " + script + "; f=$(complete -p dbpick | sed 's/.*-F \\([^ ]*\\) .*/\\1/');"
                + " COMP_WORDS=(dbpick recommend --database po); COMP_CWORD=3; $f dbpick po --database 2>/dev/null;"
                + " echo \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        String completed = new String(shell.getInputStream().readAllBytes()).strip();
        assertEquals("postgresql", completed);
    }

    @Test
    void outputThatIsNotATerminalHasNoColour() {
        JarRun.Outcome run = JarRun.run("recommend", "--database", "postgresql");
        assertFalse(run.out().contains("\u001b["), run::toString);
    }

    @Test
    void helpReachesNestedCommandsAndSubcommandsOfferOnlyTheirOwnOptions() {
        JarRun.Outcome help = JarRun.run("help", "catalog", "list");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().startsWith("Usage: dbpick catalog list"), help::toString);
        assertFalse(help.out().contains("--rules"), "catalog reads no rules: " + help);
        assertFalse(help.out().contains("--version"), "the version belongs to dbpick alone: " + help);
    }

    @Test
    void versionNamesTheBuildAndTheKnowledgeRevision() throws IOException {
        JarRun.Outcome run = JarRun.in(elsewhere, null, "--version");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().matches("(?s)dbpick \\d+\\.\\d+\\.\\d+.*\nbundled knowledge: revision [0-9a-f]{12}\n.*"), run::toString);
        JarRun.Outcome json = JarRun.in(elsewhere, null, "recommend", "--format", "json");
        String revision = Mappers.json().readTree(json.out()).get("knowledge").get("revision").asText();
        assertTrue(run.out().contains("revision " + revision), run + " vs " + revision);
    }

    @Test
    void aBrokenRuleFileExitsThreeNamingFileAndLine() throws IOException {
        Path rules = copyOfTheRuleFiles();
        Files.writeString(rules.resolve("broken.drl"), "package dev.dbpick.rules;\n\nrule \"Broken\"\nwhen\n    Libary()\nthen\nend\n");
        JarRun.Outcome run = JarRun.run("recommend", "--rules", rules.toString(), "--database", "sqlite");
        assertEquals(3, run.code(), run::toString);
        assertTrue(run.err().contains("broken.drl:5:"), run::toString);
        assertEquals("", run.out());
        JarRun.Outcome check = JarRun.run("rules", "check", "--rules", rules.toString());
        assertEquals(3, check.code(), check::toString);
        assertTrue(check.err().contains("broken.drl:5:"), check::toString);
    }

    @Test
    void rulesCheckRunsTheChecksTheBuildRuns() throws IOException {
        Path rules = copyOfTheRuleFiles();
        Files.createDirectories(rules.resolve("scenarios"));
        try (Stream<Path> files = Files.list(Path.of("rules", "scenarios"))) {
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve("scenarios").resolve(file.getFileName()));
            }
        }
        String header = "package dev.dbpick.rules;\n\nimport dev.dbpick.catalog.Library;\nimport dev.dbpick.profile.Profile;\n"
                + "import dev.dbpick.recommendation.Score;\n\n";
        Files.writeString(rules.resolve("team.drl"), header
                + "rule \"Team: our ORM\"\nwhen\n    Profile(purpose == \"orms\")\n    Library($id: id, id == \"sqlalchemyy\")\n"
                + "then\n    insert(new Score($id, 5, \"Ours\"));\nend\n");
        JarRun.Outcome typo = JarRun.run("rules", "check", "--rules", rules.toString());
        assertEquals(3, typo.code(), typo::toString);
        assertTrue(typo.err().contains("team.drl:9: unknown value \"orms\"; did you mean \"orm\"?"), typo::toString);
        assertTrue(typo.err().contains("team.drl:10: unknown value \"sqlalchemyy\"; did you mean \"sqlalchemy\"?"), typo::toString);
        Files.writeString(rules.resolve("team.drl"), header
                + "rule \"Team: fine by us\"\nwhen\n    Profile()\n    Library($id: id)\n"
                + "then\n    insert(new Score($id, 2, \"Fine by us\"));\nend\n");
        JarRun.Outcome noise = JarRun.run("rules", "check", "--rules", rules.toString());
        assertEquals(3, noise.code(), noise::toString);
        assertTrue(noise.err().contains("rule \"Team: fine by us\" +2 goes to nearly every fitting library"), noise::toString);
    }

    @Test
    void withoutLocalFoldersTheBundledKnowledgeIsUsed() {
        JarRun.Outcome run = JarRun.in(elsewhere, null, "rules", "check");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("(bundled) rules"), run::toString);
    }

    @Test
    void catalogListShowsEveryLibrary() {
        JarRun.Outcome run = JarRun.run("catalog", "list");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("sqlalchemy") && run.out().contains("dogpile.cache"), run::toString);
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 100), run::toString);
    }

    @Test
    void catalogListJsonIsAnArrayOfRecords() throws IOException {
        JarRun.Outcome run = JarRun.run("catalog", "list", "--format", "json", "--kind", "odm");
        assertEquals(0, run.code(), run::toString);
        JsonNode list = Mappers.json().readTree(run.out());
        assertTrue(list.isArray() && list.size() > 0);
        list.forEach(l -> assertTrue(l.get("kinds").toString().contains("odm")));
    }

    @Test
    void catalogShowGivesFactsAndSources() {
        JarRun.Outcome run = JarRun.run("catalog", "show", "peewee");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("seed list") && run.out().contains("source"), run::toString);
    }

    @Test
    void catalogShowOfAnUnknownIdSuggestsTheClosest() {
        JarRun.Outcome run = JarRun.run("catalog", "show", "sqlalchemi");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("did you mean \"sqlalchemy\""), run::toString);
    }

    @Test
    void rulesCheckReportsWhatWasCompiled() {
        JarRun.Outcome run = JarRun.run("rules", "check");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("revision:") && run.out().endsWith("OK\n"), run::toString);
    }

    @Test
    void rulesTestRunsEveryScenario() {
        JarRun.Outcome run = JarRun.run("rules", "test");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("PASS  "), run::toString);
        assertTrue(run.out().strip().endsWith("0 failed"), run::toString);
    }

    @Test
    void aFailingScenarioExitsThreeShowingExpectedAndActual() throws IOException {
        Path rules = copyOfTheRuleFiles();
        Files.createDirectories(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("scenarios/wrong.yaml"), """
                asOf: 2026-11-26
                scenarios:
                  - name: SQLite is not MongoDB
                    profile: {databases: [sqlite]}
                    expect:
                      top: beanie
                """);
        JarRun.Outcome run = JarRun.run("rules", "test", "--rules", rules.toString());
        assertEquals(3, run.code(), run::toString);
        assertTrue(run.out().contains("FAIL  SQLite is not MongoDB"), run::toString);
        assertTrue(run.out().contains("top: expected beanie, got "), run::toString);
    }

    @Test
    void helpListsTheExitCodes() {
        JarRun.Outcome run = JarRun.run("recommend", "--help");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Exit codes:") && run.out().contains("--database"), run::toString);
        assertTrue(run.out().contains("postgresql, mysql"), "the allowed values come from the questionnaire: " + run);
    }

    /** The repository's *.drl files, without the scenarios, in a folder of the test's own. */
    private Path copyOfTheRuleFiles() throws IOException {
        Path rules = elsewhere.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        return rules;
    }
}
