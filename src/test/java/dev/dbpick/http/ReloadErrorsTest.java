package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the endpoints that need no token say about a rejected reload: the file, the line and
 * the kind of error, never text from the file (a secret in a file that fails to parse); a
 * link to a file outside the knowledge folders is refused by name; a reload that runs out of
 * memory is reported as such.
 */
class ReloadErrorsTest extends EditedKnowledgeTest {

    private static final String SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

    @jakarta.inject.Inject
    KnowledgeHolder holder;

    @AfterEach
    void restore() throws IOException {
        for (String file : new String[] {"rules/leak.drl", "data/catalog/leak.yaml"}) {
            Files.deleteIfExists(knowledge.root.resolve(file));
        }
        awaitTheOriginal();
    }

    @Test
    void aRuleFileThatFailsToParseIsNamedWithoutItsContents() {
        Instant start = Instant.now();
        knowledge.write("rules/leak.drl", "package dev.dbpick.rules;\n\nrule \"Leak\"\nwhen\n    " + SECRET + " = 1\nthen\nend\n");
        assertNamedWithoutTheSecret(start, "leak.drl:");
    }

    @Test
    void aDataFileThatFailsToParseIsNamedWithoutItsContents() {
        Instant start = Instant.now();
        knowledge.write("data/catalog/leak.yaml", "libraries:\n  - id: leak\n    " + SECRET + ": 1\n");
        assertNamedWithoutTheSecret(start, "leak.yaml");
    }

    @Test
    void aLinkToAFileOutsideTheFolderIsRefusedByName() throws IOException {
        Path secret = Files.writeString(Files.createTempFile("dbpick-secret", ".drl"), "password = " + SECRET + "\n");
        Instant start = Instant.now();
        Files.createSymbolicLink(knowledge.root.resolve("rules/leak.drl"), secret);
        JsonNode status = assertNamedWithoutTheSecret(start, "rules/leak.drl: a symbolic link to a file outside the rules folder");
        assertTrue(status.get("revision").asText().equals(original), status.toString());
        Files.delete(secret);
    }

    @Test
    void aReloadThatRunsOutOfMetaspaceIsReportedAndTheServiceStaysUp() {
        // The reload gate's own process refuses knowledge too large for the service's memory
        // options; should building it in the service still run out, the watcher reports that.
        holder.reloadFailed(new OutOfMemoryError("Metaspace"));
        JsonNode health = get("/health");
        assertTrue(health.get("status").asText().equals("UP"), health.toString());
        assertTrue(health.get("details").get("lastReloadError").toString().contains(
                "the reload failed: OutOfMemoryError: Metaspace (the knowledge may be too large for the configured memory)"),
                health.toString());
        client.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/v1/knowledge/reload", "").bearerAuth("test-token"),
                String.class);
    }

    private JsonNode assertNamedWithoutTheSecret(Instant start, String named) {
        JsonNode status = await(s -> reloadedSince(s, start) && !lastReloadSwitched(s), "the edit to be rejected");
        JsonNode health = get("/health");
        for (JsonNode answer : new JsonNode[] {status, health}) {
            assertTrue(answer.toString().contains(named), answer.toString());
            assertFalse(answer.toString().contains(SECRET), answer.toString());
        }
        return status;
    }
}
