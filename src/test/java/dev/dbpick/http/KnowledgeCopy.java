package dev.dbpick.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A private copy of the repository's rules/ and data/, which a test may edit. */
final class KnowledgeCopy {

    final Path root;
    final Path rules;
    final Path data;

    KnowledgeCopy() {
        try {
            root = Files.createTempDirectory("dbpick-kb");
            rules = root.resolve("rules");
            data = root.resolve("data");
            dev.dbpick.TestKnowledge.copyTree(Path.of("rules"), rules);
            dev.dbpick.TestKnowledge.copyTree(Path.of("data"), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Service properties pointing at the copy, with a test admin token, a quick debounce, any
     * free port (another build on the machine may hold 8080), and a client that waits as long as
     * a reload's checks may take on a slow machine.
     */
    Map<String, String> properties() {
        // A reload runs the gate in a process of its own; on a slow or busy machine (CI may be
        // several times slower) that takes far longer than on a developer's: the tests wait for
        // the event, with limits generous enough that only a hang fails them.
        return Map.of(
                "micronaut.server.port", "-1",
                "dbpick.rules", rules.toString(),
                "dbpick.data", data.toString(),
                "dbpick.admin-token", "test-token",
                "dbpick.debounce-millis", "150",
                "dbpick.gate-timeout-seconds", "300",
                "micronaut.http.client.read-timeout", "330s");
    }

    void write(String relative, String content) {
        try {
            Files.writeString(root.resolve(relative), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
