package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.TestKnowledge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deploy styles the watcher follows, on a running service whose folders lie under a
 * symbolic link ({@code current -> releases/v1}, as a Kubernetes ConfigMap mount does): the
 * link swapped to another release, the rules folder deleted and copied back, and a new rules
 * folder renamed into place. Each reloads through the gate; each test ends on the original
 * knowledge.
 */
class DeployStylesTest extends EditedKnowledgeTest {

    private final Path top = temporary();
    private final Path current = top.resolve("current");
    private final Path v1 = top.resolve("releases/v1");

    private static Path temporary() {
        try {
            return Files.createTempDirectory("dbpick-deploy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        TestKnowledge.copyTree(knowledge.rules, v1.resolve("rules"));
        TestKnowledge.copyTree(knowledge.data, v1.resolve("data"));
        link(current, Path.of("releases/v1"));
        Map<String, String> properties = new HashMap<>(knowledge.properties());
        properties.put("dbpick.rules", current.resolve("rules").toString());
        properties.put("dbpick.data", current.resolve("data").toString());
        return properties;
    }

    @AfterEach
    void backToTheOriginal() throws IOException {
        swapLink(Path.of("releases/v1"));
        Files.deleteIfExists(v1.resolve("rules/team.drl"));
        awaitTheOriginal();
    }

    @Test
    void aSwappedLinkReloadsTheReleaseItPointsTo() throws IOException {
        Path v2 = top.resolve("releases/v2");
        TestKnowledge.copyTree(v1, v2);
        Files.writeString(v2.resolve("rules/team.drl"), TEAM_RULE);
        Instant start = Instant.now();
        swapLink(Path.of("releases/v2"));
        awaitTheTeamRule(start, "the swapped link to switch in release v2");
    }

    @Test
    void aRulesFolderDeletedAndCopiedBackReloads() throws IOException {
        Path backup = top.resolve("backup");
        TestKnowledge.copyTree(v1.resolve("rules"), backup);
        Files.writeString(backup.resolve("team.drl"), TEAM_RULE);
        Instant start = Instant.now();
        deleteTree(current.resolve("rules"));
        TestKnowledge.copyTree(backup, current.resolve("rules"));
        awaitTheTeamRule(start, "the recreated rules folder to switch in");
        deleteTree(backup);
    }

    @Test
    void aRulesFolderRenamedIntoPlaceReloads() throws IOException {
        Path next = current.resolve("rules.new");
        TestKnowledge.copyTree(current.resolve("rules"), next);
        Files.writeString(next.resolve("team.drl"), TEAM_RULE);
        Instant start = Instant.now();
        Files.move(current.resolve("rules"), current.resolve("rules.old"));
        Files.move(next, current.resolve("rules"));
        awaitTheTeamRule(start, "the renamed rules folder to switch in");
        deleteTree(current.resolve("rules.old"));
    }

    private void awaitTheTeamRule(Instant start, String what) {
        JsonNode status = await(s -> reloadedSince(s, start) && lastReloadSwitched(s)
                && !s.get("revision").asText().equals(original), what);
        JsonNode result = post("{\"databases\":[\"postgresql\"]}");
        assertEquals(status.get("revision"), result.get("knowledge").get("revision"));
        assertTrue(result.toString().contains("Team: ask the DBAs first"), result.toString());
    }

    /** {@code ln -sfn TARGET current.new && mv -T current.new current}: the link changes in one rename. */
    private void swapLink(Path target) throws IOException {
        Path fresh = top.resolve("current.new");
        Files.deleteIfExists(fresh);
        link(fresh, target);
        Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
