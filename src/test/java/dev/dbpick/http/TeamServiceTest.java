package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service with a team's layer ({@code dbpick.team}, {@code DBPICK_TEAM}): answers name it, and
 * an edit in the team's folder is watched and gated like one in the bundled folders.
 */
class TeamServiceTest extends ServiceTest {

    private final Path team = knowledge.root.resolve("acme");

    @Override
    public Map<String, String> getProperties() {
        write("rules/team.drl", fixture("ask-the-dbas.drl"));
        Map<String, String> properties = new HashMap<>(knowledge.properties());
        properties.put("dbpick.team", team.toString());
        return properties;
    }

    @Test
    void answersNameTheTeamLayer() {
        JsonNode answer = post("{\"databases\":[\"postgresql\"]}");
        assertEquals("acme", answer.get("knowledge").get("team").get("folder").asText());
        assertEquals(12, answer.get("knowledge").get("team").get("revision").asText().length());
        assertTrue(answer.toString().contains("Our DBAs review every new SQLAlchemy service"));
        assertEquals(answer.get("knowledge").get("team"), get("/api/v1/knowledge").get("team"));
    }

    @Test
    void theOpenApiDocumentDescribesTheTeamField() {
        String openapi = client.toBlocking().retrieve("/swagger/dbpick-1.yml");
        assertTrue(openapi.contains("the revision of the team's rule and data files alone"), "knowledge.team is documented");
    }

    @Test
    void aTeamRuleThatOverturnsBundledScenariosIsRejectedByTheGate() throws IOException {
        String revision = get("/api/v1/knowledge").get("revision").asText();
        Instant start = Instant.now();
        write("rules/standard.drl", fixture("standard-orm.drl"));
        try {
            JsonNode status = await(s -> reloadedSince(s, start), "the team's edit to be checked");
            assertFalse(status.get("lastReload").get("switched").asBoolean(), status.toString());
            assertEquals(revision, status.get("revision").asText());
            assertTrue(status.get("lastReloadError").toString().contains("rules/scenarios/knowledge-v2.yaml"), status.toString());
        } finally {
            Instant removed = Instant.now();
            Files.delete(team.resolve("rules/standard.drl"));
            await(s -> reloadedSince(s, removed) && s.get("revision").asText().equals(revision), "the team's knowledge back");
        }
    }

    /** A team rule of {@code src/test/resources/team/}. */
    private static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/team", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String relative, String text) {
        try {
            Files.createDirectories(team.resolve(relative).getParent());
            Files.writeString(team.resolve(relative), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
