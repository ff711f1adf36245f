package dev.dbpick.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.TestKnowledge;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's layer ({@code --team DIR}) over the bundled knowledge: rules, catalog records, settings, revision, cache. */
class TeamLayerTest {

    private static final String RULE = """
            package dev.dbpick.rules;

            import dev.dbpick.catalog.Library;
            import dev.dbpick.recommendation.Score;

            rule "%s"
            when
                Library($id: id, id == "sqlalchemy")
            then
                insert(new Score($id, 15, "Our standard"));
            end
            """;

    @TempDir
    Path dir;

    @Test
    void aTeamRuleCompilesWithTheBundledOnesAndTheRevisionCoversIt() throws IOException {
        Path base = rules("base", "Base: a rule");
        TeamFolder team = team("acme");
        write(team.root().resolve("rules/team.drl"), RULE.formatted("Team: our standard ORM"));
        Rules alone = Rules.compile(new KnowledgeFolder("rules", base), CompiledRulesCache.disabled());
        Rules layered = Rules.compile(TeamFolder.over(new KnowledgeFolder("rules", base), team, "rules"), CompiledRulesCache.disabled());
        assertTrue(layered.names().containsAll(java.util.List.of("Base: a rule", "Team: our standard ORM")), layered.names().toString());
        assertEquals("acme/rules/team.drl:6", layered.location("Team: our standard ORM"));
        Knowledge without = Knowledge.of(TestKnowledge.data(), alone);
        Knowledge with = Knowledge.of(TestKnowledge.data(), layered);
        assertNull(without.team());
        assertNotEquals(without.revision(), with.revision());
        assertEquals("acme", with.team().folder());
        assertEquals(12, with.team().revision().length());
    }

    @Test
    void theCompiledRulesCacheKeepsTheTeamLayerApart() {
        Path base = rules("base", "Base: a rule");
        TeamFolder team = team("acme");
        write(team.root().resolve("rules/team.drl"), RULE.formatted("Team: our standard ORM"));
        CompiledRulesCache cache = CompiledRulesCache.in(dir.resolve("cache"));
        Rules.compile(new KnowledgeFolder("rules", base), cache);
        Rules layered = Rules.compile(TeamFolder.over(new KnowledgeFolder("rules", base), team, "rules"), cache);
        assertTrue(layered.names().contains("Team: our standard ORM"), "not the bundled rules' cached compilation");
    }

    @Test
    void aTeamRecordReplacesTheBundledRecordOfTheSameIdWhole() throws IOException {
        JsonNode bundled = Mappers.yaml().readTree(Path.of("data/catalog/orm.yaml").toFile()).get("libraries");
        ObjectNode record = null;
        for (JsonNode node : bundled) {
            if (node.get("id").asText().equals("sqlalchemy")) {
                record = ((ObjectNode) node).deepCopy();
            }
        }
        record.put("name", "SQLAlchemy (our fork)");
        TeamFolder team = team("acme");
        ObjectNode file = Mappers.yaml().createObjectNode();
        file.putArray("libraries").add(record);
        write(team.root().resolve("data/catalog/ours.yaml"), Mappers.yaml().writeValueAsString(file));
        Data data = Data.read(TeamFolder.over(TestKnowledge.DATA, team, "data"));
        assertEquals("SQLAlchemy (our fork)", data.catalog().find("sqlalchemy").orElseThrow().name());
        assertEquals(TestKnowledge.data().catalog().size(), data.catalog().size());
    }

    @Test
    void aTeamSettingsFileOverridesTheValuesItNames() {
        TeamFolder team = team("acme");
        write(team.root().resolve("data/settings.yaml"), "nearTiePoints: 9\nrefresh: {timeoutSeconds: 5}\n");
        Settings settings = Data.read(TeamFolder.over(TestKnowledge.DATA, team, "data")).settings();
        Settings bundled = TestKnowledge.data().settings();
        assertEquals(9, settings.nearTiePoints());
        assertEquals(bundled.staleFactsAfterMonths(), settings.staleFactsAfterMonths());
        assertEquals(5, settings.refresh().timeoutSeconds());
        assertEquals(bundled.refresh().pypi(), settings.refresh().pypi());
    }

    @Test
    void anUnknownTeamSettingIsAnErrorNamingTheTeamFile() {
        TeamFolder team = team("acme");
        write(team.root().resolve("data/settings.yaml"), "nearTiePoint: 9\n");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> Data.read(TeamFolder.over(TestKnowledge.DATA, team, "data")));
        assertTrue(e.getMessage().startsWith("acme/data/settings.yaml: unknown field \"nearTiePoint\""), e.getMessage());
    }

    @Test
    void aTeamQuestionnaireIsRefused() {
        TeamFolder team = team("acme");
        write(team.root().resolve("data/questionnaire.yaml"), "questions: []\n");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> Data.read(TeamFolder.over(TestKnowledge.DATA, team, "data")));
        assertTrue(e.getMessage().contains("acme/data/questionnaire.yaml: a team's data/ holds"), e.getMessage());
    }

    @Test
    void aTeamFolderWithoutRulesOrDataIsAnError() {
        write(dir.resolve("empty/README.md"), "nothing\n");
        KnowledgeException e = assertThrows(KnowledgeException.class,
                () -> TeamFolder.resolve("--team", dir.resolve("empty").toString()));
        assertTrue(e.getMessage().contains("holds neither rules/ nor data/"), e.getMessage());
        assertNull(TeamFolder.resolve("--team", null));
    }

    private Path rules(String name, String rule) {
        Path folder = dir.resolve(name);
        write(folder.resolve("base.drl"), RULE.formatted(rule));
        return folder;
    }

    private TeamFolder team(String name) {
        write(dir.resolve(name).resolve("rules/.keep"), "");
        return new TeamFolder(name, dir.resolve(name));
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
