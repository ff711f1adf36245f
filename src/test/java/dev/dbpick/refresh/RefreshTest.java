package dev.dbpick.refresh;

import static dev.dbpick.refresh.LoopbackServer.json;
import static dev.dbpick.refresh.LoopbackServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Provenance;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.KnowledgeFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole refresh against a copy of the data folder and recorded answers on loopback. */
class RefreshTest {

    @TempDir
    Path root;

    private final LoopbackServer server = LoopbackServer.start().withRecordedAnswers();

    @AfterEach
    void stop() {
        server.close();
    }

    private Path data() {
        Path data = root.resolve("data");
        if (!Files.isDirectory(data)) {
            dev.dbpick.TestKnowledge.copyTree(Path.of("data"), data);
        }
        return data;
    }

    private Report refresh(Clock clock, boolean dryRun, boolean offline, String osvUrl, String... ids) {
        Refresh.Options options = new Refresh.Options(List.of(ids), dryRun, offline, server.url(), osvUrl,
                server.url() + "/top-pypi-packages.min.json");
        return new Refresh(options, ResponseCache.in(root.resolve("cache")), clock, d -> { })
                .run(new KnowledgeFolder("data", data()), TestKnowledge.RULES, CompiledRulesCache.forUser(), library -> { });
    }

    private Report refresh(String... ids) {
        return refresh(RefreshClientTest.DEC_2, false, false, server.url(), ids);
    }

    private Data read() {
        return Data.read(new KnowledgeFolder("data", data()));
    }

    @Test
    void refreshedFactsGoToTheOverlayAndTheHandCatalogIsNeverWritten() throws IOException {
        Map<String, byte[]> before = contents(data().resolve("catalog"));
        Report report = refresh("sqlalchemy", "psycopg");
        assertEquals(before.keySet(), contents(data().resolve("catalog")).keySet());
        before.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, contents(data().resolve("catalog")).get(file)), file));
        assertTrue(Files.isRegularFile(data().resolve("refreshed/sqlalchemy.yaml")));
        assertEquals(List.of("data/refreshed/psycopg.yaml", "data/refreshed/sqlalchemy.yaml"), report.written().stream().sorted().toList());

        Library sqlalchemy = read().catalog().find("sqlalchemy").orElseThrow();
        assertEquals("2.1.10", sqlalchemy.maintenance().latestVersion());
        assertEquals("2026-12", sqlalchemy.maintenance().released());
        assertEquals(6, sqlalchemy.maintenance().downloadRank());
        assertEquals("GHSA-7xq2-4m3v-p9rc", sqlalchemy.advisories().get(0).id());
        assertEquals("2.1.10", sqlalchemy.advisories().get(0).fixedIn());
        assertEquals("2026-12-02", sqlalchemy.asOf(), "the stale-facts caution follows the refresh");
        Provenance provenance = read().catalog().provenance("sqlalchemy");
        assertEquals("2026-11-26", provenance.handAsOf());
        assertEquals(server.url() + "/pypi/sqlalchemy/json", provenance.origin(FactNames.LATEST_VERSION).orElseThrow().source());
        assertEquals("2026-12-02", provenance.origin(FactNames.LATEST_VERSION).orElseThrow().fetched());

        assertTrue(report.changes().contains(new Change("sqlalchemy", FactNames.LATEST_VERSION,
                com.fasterxml.jackson.databind.node.TextNode.valueOf("2.1.9"), com.fasterxml.jackson.databind.node.TextNode.valueOf("2.1.10"),
                server.url() + "/pypi/sqlalchemy/json")), report.changes()::toString);
        Library psycopg = read().catalog().find("psycopg").orElseThrow();
        assertNull(psycopg.maintenance().downloadRank(), "not in the listing: outside the ranking");
        assertTrue(report.sources().stream().allMatch(Report.SourceStatus::ok), report.sources()::toString);
    }

    @Test
    void aSourceThatFailsKeepsItsFactsWithTheirDates() {
        refresh("sqlalchemy");
        String closed;
        try (LoopbackServer gone = LoopbackServer.start()) {
            closed = gone.url();
        }
        Clock later = Clock.fixed(Instant.parse("2027-01-05T07:00:00Z"), ZoneOffset.UTC);
        Report report = refresh(later, false, false, closed, "sqlalchemy");
        Library sqlalchemy = read().catalog().find("sqlalchemy").orElseThrow();
        assertEquals(1, sqlalchemy.advisories().size());
        assertEquals("GHSA-7xq2-4m3v-p9rc", sqlalchemy.advisories().get(0).id());
        Provenance provenance = read().catalog().provenance("sqlalchemy");
        assertEquals("2026-12-02", provenance.origin(FactNames.ADVISORIES).orElseThrow().fetched());
        assertEquals("2027-01-05", provenance.origin(FactNames.LATEST_VERSION).orElseThrow().fetched());
        assertEquals("2026-12-02", sqlalchemy.asOf(), "the advisories were last checked then");
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("osv: sqlalchemy: cannot connect")
                && w.endsWith("its advisories stay as they were")), report.warnings()::toString);
        Report.SourceStatus osv = report.sources().stream().filter(s -> s.name().equals("osv")).findFirst().orElseThrow();
        assertFalse(osv.ok());
        assertTrue(report.anySourceFailed());
    }

    @Test
    void aSourceFailingPastItsRetriesTwiceInARowIsNotAskedAgainThisRun() {
        server.on("POST", "/v1/query", status(503));
        server.on("POST", "/v1/query", "\"sqlalchemy\"", status(503));
        server.on("POST", "/v1/query", "\"django\"", status(503));
        Report report = refresh(RefreshClientTest.DEC_2, true, false, server.url(), "django", "psycopg", "sqlalchemy");
        assertEquals(8, server.paths().stream().filter(p -> p.startsWith("POST")).count(), "4 tries each for two packages, then none");
        assertTrue(report.warnings().contains("osv: sqlalchemy: HTTP 503 after 3 retries, twice in a row (not asked again this run);"
                + " its advisories stay as they were"), report.warnings()::toString);
    }

    @Test
    void aPackageGoneFromTheIndexKeepsItsFacts() {
        refresh("psycopg");
        server.on("GET", "/pypi/psycopg/json", status(404));
        Report report = refresh("psycopg");
        assertEquals("3.3.9", read().catalog().find("psycopg").orElseThrow().maintenance().latestVersion());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("psycopg: HTTP 404: not on the Python Package Index")),
                report.warnings()::toString);
    }

    @Test
    void aSecondRefreshThatFindsNothingNewWritesNothing() {
        refresh("django");
        Report again = refresh("django");
        assertEquals(List.of(), again.written());
        assertEquals(List.of(), again.changes());
    }

    @Test
    void aDryRunWritesNothing() {
        Report report = refresh(RefreshClientTest.DEC_2, true, false, server.url(), "sqlalchemy");
        assertFalse(Files.exists(data().resolve("refreshed")));
        assertEquals(List.of("data/refreshed/sqlalchemy.yaml"), report.written());
        assertTrue(report.dryRun());
        assertFalse(report.changes().isEmpty());
    }

    @Test
    void offlineTheCachedAnswersAreUsedWithTheirOwnDates() {
        refresh(RefreshClientTest.DEC_2, true, false, server.url(), "sqlalchemy");
        int asked = server.requests().size();
        Report report = refresh(Clock.fixed(Instant.parse("2027-01-05T07:00:00Z"), ZoneOffset.UTC), false, true, server.url(),
                "sqlalchemy");
        assertEquals(asked, server.requests().size(), "offline: no request");
        assertTrue(report.warnings().isEmpty(), report.warnings()::toString);
        assertEquals("2026-12-02", read().catalog().provenance("sqlalchemy").origin(FactNames.LATEST_VERSION).orElseThrow().fetched());
    }

    @Test
    void aPinnedFactIsNeverWrittenAndTheDisagreementIsReported() throws IOException {
        Files.writeString(data().resolve("pinned.yaml"), "pinned:\n  psycopg: [maintenance.downloadRank]\n");
        Report report = refresh("psycopg");
        assertEquals(368, read().catalog().find("psycopg").orElseThrow().maintenance().downloadRank());
        assertFalse(Files.readString(data().resolve("refreshed/psycopg.yaml")).contains("downloadRank"));
        assertTrue(report.notes().stream().anyMatch(n -> n.text().equals(
                "pinned maintenance.downloadRank keeps 368; the source says null")), report.notes()::toString);
    }

    @Test
    void theScenariosRunOnTheRefreshedKnowledgeAndAMovedFirstPickIsListed() {
        server.on("POST", "/v1/query", "\"sqlalchemy\"", json("osv/sqlalchemy-unfixed.json"));
        Report report = refresh(RefreshClientTest.DEC_2, true, false, server.url(), "sqlalchemy");
        ScenarioReplay.Outcome scenarios = report.scenarios();
        assertTrue(scenarios.passed() > 50, scenarios::toString);
        assertTrue(scenarios.moved().stream().anyMatch(m -> m.before().equals("sqlalchemy") && !m.after().equals("sqlalchemy")),
                scenarios.moved()::toString);
        assertTrue(scenarios.failed() > 0, "a scenario expecting SQLAlchemy first now fails");
        assertTrue(scenarios.failures().stream().noneMatch(ScenarioReplay.Failure::failedBefore));
    }

    @Test
    void anUnknownIdIsABadRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refresh("sqlalchemi"));
        assertTrue(e.getMessage().contains("did you mean \"sqlalchemy\""), e.getMessage());
    }

    @Test
    void theOverlayIsWrittenTheSameWayEveryTime() throws IOException {
        refresh("django");
        String text = Files.readString(data().resolve("refreshed/django.yaml"));
        assertTrue(text.startsWith("# Written by 'dbpick catalog refresh'"), text);
        List<String> order = text.lines().filter(l -> l.startsWith("  \"")).toList();
        assertEquals(List.of("  \"maintenance.latestVersion\":", "  \"maintenance.released\":", "  \"maintenance.devStatus\":",
                "  \"maintenance.downloadRank\":", "  \"license\":", "  \"python[6.1].versions\":", "  \"python[5.2].versions\":",
                "  \"advisories\":"), order);
    }

    private static Map<String, byte[]> contents(Path folder) {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }

}
