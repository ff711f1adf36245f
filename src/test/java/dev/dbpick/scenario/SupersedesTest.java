package dev.dbpick.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.TeamFolder;
import dev.dbpick.support.KnowledgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's scenarios supersede bundled ones by name, with a reason. */
class SupersedesTest {

    private static final String BUNDLED = """
            asOf: 2026-11-26
            scenarios:
              - name: "Django on PostgreSQL: the Django ORM"
                profile: {databases: [postgresql], framework: django}
                expect: {top: django}
              - name: "Scripts on SQLite"
                profile: {databases: [sqlite]}
                expect: {fits: [sqlite3]}
            """;

    @TempDir
    Path dir;

    @Test
    void aSupersededScenarioIsListedWithItsReasonAndNotRun() {
        team("""
                asOf: 2026-11-26
                scenarios:
                  - supersedes: "Django on PostgreSQL: the Django ORM"
                    because: "we standardised on SQLAlchemy"
                    name: "Team: Django on PostgreSQL"
                    profile: {databases: [postgresql], framework: django}
                    expect: {fits: [sqlalchemy]}
                """);
        ScenarioReader.Scenarios read = reader().readWithTeam(rules());
        assertEquals(List.of("Scripts on SQLite", "Team: Django on PostgreSQL"), read.run().stream().map(Scenario::name).toList());
        assertEquals(1, read.superseded().size());
        ScenarioReader.Superseded superseded = read.superseded().get(0);
        assertEquals("Django on PostgreSQL: the Django ORM", superseded.name());
        assertEquals("we standardised on SQLAlchemy", superseded.because());
        assertEquals("acme/rules/scenarios/team.yaml", superseded.by());
        assertTrue(superseded.source().endsWith("scenarios/bundled.yaml"), superseded.source());
    }

    @Test
    void anEntryWithOnlySupersedesAndBecauseWithdrawsTheBundledScenario() {
        team("""
                scenarios:
                  - {supersedes: "Scripts on SQLite", because: "we never ship SQLite"}
                """);
        ScenarioReader.Scenarios read = reader().readWithTeam(rules());
        assertEquals(List.of("Django on PostgreSQL: the Django ORM"), read.run().stream().map(Scenario::name).toList());
        assertEquals("Scripts on SQLite", read.superseded().get(0).name());
    }

    @Test
    void supersedingANameNoBundledScenarioHasIsAnError() {
        team("""
                scenarios:
                  - {supersedes: "Scripts on SQLlite", because: "typo"}
                """);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> reader().readWithTeam(rules()));
        assertTrue(e.problems().get(0).contains("supersedes \"Scripts on SQLlite\": no bundled scenario has that name"
                + "; did you mean \"Scripts on SQLite\"?"), e.problems().toString());
    }

    @Test
    void supersedingWithoutAReasonIsAnError() {
        team("""
                scenarios:
                  - {supersedes: "Scripts on SQLite"}
                """);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> reader().readWithTeam(rules()));
        assertTrue(e.problems().get(0).contains("needs a reason: because:"), e.problems().toString());
    }

    @Test
    void aBundledScenarioCannotSupersede() {
        write(dir.resolve("rules/scenarios/more.yaml"), """
                scenarios:
                  - {supersedes: "Scripts on SQLite", because: "no"}
                """);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> reader().read(rules()));
        assertTrue(e.problems().get(0).contains("\"supersedes\" belongs in a team's scenarios"), e.problems().toString());
    }

    private KnowledgeFolder rules() {
        write(dir.resolve("rules/scenarios/bundled.yaml"), BUNDLED);
        return TeamFolder.over(new KnowledgeFolder("rules", dir.resolve("rules")), new TeamFolder("acme", dir.resolve("acme")), "rules");
    }

    private void team(String yaml) {
        write(dir.resolve("acme/rules/scenarios/team.yaml"), yaml);
    }

    private static ScenarioReader reader() {
        return new ScenarioReader(TestKnowledge.data().catalog(), TestKnowledge.data().questionnaire());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
