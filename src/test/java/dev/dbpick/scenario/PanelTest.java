package dev.dbpick.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.support.KnowledgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blind expert panel is measured, never enforced, and counts every kind of expectation. */
class PanelTest {

    private static final String CASE = """
            panel: e0
            asOf: 2026-11-26
            scenarios:
              - name: "e0: FastAPI on PostgreSQL"
                story: A FastAPI service under asyncio.
                profile: {databases: [postgresql], async: required, framework: fastapi}
                expect:
                  top: [sqlalchemy, sqlmodel]
                  inTop: {3: [sqlmodel]}
                  notInTop: {3: [psycopg2]}
                  above: ["asyncpg > psycopg2", "no-such-orm > sqlalchemy"]
                because: asyncpg is asyncio-native; psycopg2 has no asyncio API.
            """;

    @TempDir
    Path rules;

    @Test
    void theGateAndRulesTestDoNotRunThePanel() throws IOException {
        write("scenarios/panel/tuned/e0.yaml", CASE);
        write("scenarios/mine.yaml", """
                asOf: 2026-11-26
                scenarios:
                  - name: Async PostgreSQL
                    profile: {databases: [postgresql], async: required}
                    expect: {excluded: [psycopg2]}
                """);
        List<Scenario> enforced = reader().read(folder());
        assertEquals(List.of("Async PostgreSQL"), enforced.stream().map(Scenario::name).toList());
    }

    @Test
    void aPanelCaseMayNameALibraryTheCatalogLacksAndItCountsAsADisagreement() throws IOException {
        write("scenarios/panel/tuned/e0.yaml", CASE);
        List<Scenario> cases = ScenarioReader.readPanel(TestKnowledge.data().catalog(), TestKnowledge.data().questionnaire(),
                folder(), "tuned");

        Panel.Agreement agreement = Panel.measure(TestKnowledge.engine(), "tuned", cases);

        assertEquals(1, agreement.cases());
        assertEquals(new Panel.Count(1, 1), agreement.firstPick());
        assertEquals(new Panel.Count(2, 2), agreement.topThree(), "sqlmodel within three, and an accepted first pick");
        assertEquals(new Panel.Count(1, 2), agreement.pairs());
        assertEquals(new Panel.Count(1, 1), agreement.misfits());
        assertTrue(agreement.results().get(0).failures().get(0).contains("no-such-orm not in the catalog"),
                agreement.results().get(0).failures().toString());
    }

    @Test
    void enforcedScenariosStillRejectUnknownLibraries() throws IOException {
        write("scenarios/mine.yaml", CASE.replace("panel: e0\n", ""));
        KnowledgeException error = assertThrows(KnowledgeException.class, () -> reader().read(folder()));
        assertTrue(error.problems().get(0).contains("unknown library \"no-such-orm\""), error.problems().toString());
    }

    @Test
    void aMisfitInTheFirstThreeFails() throws IOException {
        write("scenarios/mine.yaml", """
                asOf: 2026-11-26
                scenarios:
                  - name: Misfit
                    profile: {databases: [postgresql], async: required, framework: fastapi}
                    expect: {notInTop: {1: [sqlalchemy]}}
                """);
        ScenarioResult result = ScenarioRunner.run(TestKnowledge.engine(), reader().read(folder())).get(0);
        assertEquals(List.of("notInTop 1: expected sqlalchemy outside the first 1, got sqlalchemy at #1"), result.failures());
    }

    @Test
    void theStabilityReportListsTheProfilesWhoseFirstThreeMoved() {
        Scenario scenario = new Scenario("s", "x.yaml", TestKnowledge.AS_OF, null, List.of(), java.util.Map.of(),
                java.util.Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), java.util.Map.of());
        Scenario still = new Scenario("t", "x.yaml", TestKnowledge.AS_OF, null, List.of(), java.util.Map.of(),
                java.util.Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), java.util.Map.of());
        List<ScenarioResult> before = List.of(new ScenarioResult(scenario, List.of(), List.of("a", "b", "c")),
                new ScenarioResult(still, List.of(), List.of("a", "b")));
        List<ScenarioResult> after = List.of(new ScenarioResult(scenario, List.of(
                        new ScenarioResult.Check(ScenarioResult.Kind.FIRST_PICK, "top: expected a, got b")), List.of("b", "a", "c")),
                new ScenarioResult(still, List.of(), List.of("a", "b")));

        List<Stability.Move> moves = Stability.compare(before, after);

        assertEquals(1, moves.size());
        assertTrue(moves.get(0).firstPickMoved());
        assertTrue(moves.get(0).passedBefore() && !moves.get(0).passedAfter());
    }

    private ScenarioReader reader() {
        return new ScenarioReader(TestKnowledge.data().catalog(), TestKnowledge.data().questionnaire());
    }

    private KnowledgeFolder folder() {
        return new KnowledgeFolder("rules", rules);
    }

    private void write(String path, String text) throws IOException {
        Path file = rules.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
