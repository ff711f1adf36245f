package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.refresh.LoopbackServer;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: the packaged jar refreshes a copy of the data folder from recorded answers on loopback. */
class RefreshCliIT {

    @TempDir
    Path elsewhere;

    private final LoopbackServer server = LoopbackServer.start().withRecordedAnswers();

    @AfterEach
    void stop() {
        server.close();
    }

    private Path data() throws IOException {
        Path data = elsewhere.resolve("data");
        if (!Files.isDirectory(data)) {
            try (Stream<Path> files = Files.walk(Path.of("data"))) {
                for (Path file : files.toList()) {
                    Path target = data.resolve(Path.of("data").relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return data;
    }

    private JarRun.Outcome refresh(String osvUrl, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("catalog", "refresh", "--data", data().toString(),
                "--pypi-url", server.url(), "--osv-url", osvUrl, "--downloads-url", server.url() + "/top-pypi-packages.min.json"));
        args.addAll(List.of(more));
        return JarRun.in(elsewhere, null, args.toArray(String[]::new));
    }

    private JsonNode show(String id) throws IOException {
        JarRun.Outcome run = JarRun.in(elsewhere, null, "catalog", "show", id, "--data", data().toString(), "--format", "json");
        assertEquals(0, run.code(), run::toString);
        return Mappers.json().readTree(run.out());
    }

    @Test
    void refreshWritesTheOverlayShowReadsItAndAFailingSourceKeepsItsFacts() throws IOException {
        JarRun.Outcome first = refresh(server.url(), "sqlalchemy", "psycopg", "--format", "json");
        assertEquals(0, first.code(), first::toString);
        JsonNode report = Mappers.json().readTree(first.out());
        assertTrue(report.get("changes").size() > 0, first::toString);
        for (JsonNode source : report.get("sources")) {
            assertTrue(source.get("ok").asBoolean(), source::toString);
        }
        assertTrue(report.get("scenarios").get("passed").asInt() > 50, report.get("scenarios")::toString);
        assertTrue(report.get("scenarios").get("moved").isArray());
        assertTrue(first.out().contains("\"old\" : \"2.1.9\"") && first.out().contains("\"new\" : \"2.1.10\""), first::toString);

        JsonNode sqlalchemy = show("sqlalchemy");
        assertEquals("2.1.10", sqlalchemy.at("/maintenance/latestVersion").asText());
        assertEquals("2026-12", sqlalchemy.at("/maintenance/released").asText());
        assertEquals(6, sqlalchemy.at("/maintenance/downloadRank").asInt());
        assertEquals("GHSA-7xq2-4m3v-p9rc", sqlalchemy.at("/advisories/0/id").asText());
        assertEquals("2.1.10", sqlalchemy.at("/advisories/0/fixedIn").asText());
        assertEquals(server.url() + "/pypi/sqlalchemy/json", sqlalchemy.at("/refresh/refreshed/0/source").asText());
        assertTrue(show("psycopg").at("/maintenance/downloadRank").isNull(), "outside the ranking");
        assertCatalogUntouched();

        String closed;
        try (LoopbackServer gone = LoopbackServer.start()) {
            closed = gone.url();
        }
        JarRun.Outcome second = refresh(closed, "sqlalchemy");
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.err().contains("dbpick: warning: osv: sqlalchemy: cannot connect"), second::toString);
        assertEquals("GHSA-7xq2-4m3v-p9rc", show("sqlalchemy").at("/advisories/0/id").asText());
        assertEquals(1, refresh(closed, "sqlalchemy", "--strict").code(), "--strict: a failed source exits 1");
        assertCatalogUntouched();
    }

    @Test
    void aDryRunPrintsTheChangesAndWritesNothing() throws IOException {
        JarRun.Outcome run = refresh(server.url(), "sqlalchemy", "--dry-run");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("maintenance.latestVersion: 2.1.9 -> 2.1.10"), run::toString);
        assertTrue(run.out().contains("Scenarios on the refreshed knowledge:"), run::toString);
        assertTrue(run.out().contains("Dry run, nothing written"), run::toString);
        assertTrue(!Files.exists(data().resolve("refreshed")));
        assertEquals("", run.err(), "no progress line on a pipe");
    }

    @Test
    void anUnknownLibraryIsBadUsage() throws IOException {
        JarRun.Outcome run = refresh(server.url(), "sqlalchemi");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("did you mean \"sqlalchemy\""), run::toString);
    }

    private void assertCatalogUntouched() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("data", "catalog"))) {
            for (Path file : files.toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(data().resolve("catalog").resolve(file.getFileName())),
                        file.toString());
            }
        }
    }
}
