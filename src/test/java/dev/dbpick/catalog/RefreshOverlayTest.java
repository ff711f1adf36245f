package dev.dbpick.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Data;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refreshed facts laid over the hand-written records when the catalog is read. */
class RefreshOverlayTest {

    private static final Data DATA = TestKnowledge.data();

    private static SourceFile file(String path, String text) {
        return new SourceFile("data/" + path, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceFile overlay(String id, String facts) {
        return file("refreshed/" + id + ".yaml", "id: \"" + id + "\"\nfacts:\n" + facts);
    }

    private static String fact(String name, String value, String fetched) {
        return "  \"" + name + "\":\n    value: " + value + "\n    source: \"https://pypi.org/pypi/x/json\"\n    fetched: \"" + fetched + "\"\n";
    }

    private static Catalog read(List<SourceFile> overlays, SourceFile pinned) {
        List<SourceFile> catalog = DATA.files().stream().filter(f -> f.path().startsWith("catalog/")).toList();
        return CatalogReader.read(catalog, overlays, pinned, DATA.catalog().vocabulary(), DATA.questionnaire());
    }

    @Test
    void refreshedFactsReplaceTheHandValuesAndSayWhereTheyCameFrom() {
        Catalog catalog = read(List.of(overlay("sqlalchemy", fact(FactNames.LATEST_VERSION, "\"2.1.10\"", "2026-12-02")
                + fact(FactNames.RELEASED, "\"2026-12\"", "2026-12-02") + fact(FactNames.DOWNLOAD_RANK, "null", "2026-12-01"))), null);
        Library sqlalchemy = catalog.find("sqlalchemy").orElseThrow();
        assertEquals("2.1.10", sqlalchemy.maintenance().latestVersion());
        assertNull(sqlalchemy.maintenance().downloadRank());
        assertEquals("maintained", sqlalchemy.maintenance().lifecycle(), "a hand fact no source gives stays");
        assertEquals("2026-12-01", sqlalchemy.asOf(), "the earliest fetch date, later than the hand date");
        Provenance provenance = catalog.provenance("sqlalchemy");
        assertEquals(List.of(FactNames.LATEST_VERSION, FactNames.RELEASED, FactNames.DOWNLOAD_RANK),
                provenance.refreshed().stream().map(Provenance.Origin::fact).toList());
        assertEquals("2026-11-26", provenance.handAsOf());
        assertEquals(List.of(), catalog.provenance("django").refreshed());
    }

    @Test
    void withoutARefreshedReleaseTheHandDateStands() {
        Catalog catalog = read(List.of(overlay("sqlalchemy", fact(FactNames.DOWNLOAD_RANK, "97", "2026-12-02"))), null);
        assertEquals("2026-11-26", catalog.find("sqlalchemy").orElseThrow().asOf());
    }

    @Test
    void aPinnedFactKeepsItsHandValue() {
        SourceFile pinned = file("pinned.yaml", "pinned:\n  sqlalchemy: [maintenance.downloadRank, python]\n");
        Catalog catalog = read(List.of(overlay("sqlalchemy", fact(FactNames.DOWNLOAD_RANK, "97", "2026-12-02")
                + fact("python[2.1].versions", "[\"3.12\"]", "2026-12-02"))), pinned);
        Library sqlalchemy = catalog.find("sqlalchemy").orElseThrow();
        assertEquals(98, sqlalchemy.maintenance().downloadRank());
        assertEquals(List.of("3.10", "3.11", "3.12", "3.13", "3.14"), sqlalchemy.python().get(0).versions());
        assertEquals(List.of("maintenance.downloadRank", "python"), catalog.provenance("sqlalchemy").pinned());
        assertEquals(List.of(), catalog.provenance("sqlalchemy").refreshed());
    }

    @Test
    void aNewerReleaseLineIsAddedFirstAndAnOlderUnknownOneIgnored() {
        Catalog catalog = read(List.of(overlay("sqlalchemy", fact("python[2.2].versions", "[\"3.11\", \"3.12\"]", "2026-12-02")
                + fact("python[1.4].versions", "[\"3.10\"]", "2026-12-02"))), null);
        List<Library.PythonLine> lines = catalog.find("sqlalchemy").orElseThrow().python();
        assertEquals(List.of("2.2", "2.1"), lines.stream().map(Library.PythonLine::release).toList());
        assertEquals(List.of("3.11", "3.12"), lines.get(0).versions());
        assertNull(lines.get(0).supportedUntil());
    }

    @Test
    void refreshedAdvisoriesReplaceTheHandOnesTheyNameAndKeepTheOthers() {
        String advisories = "  \"advisories\":\n    value:\n"
                + "      - {id: \"GHSA-frmv-pr5f-9mcr\", aliases: [\"CVE-2025-64459\"], fixedIn: \"5.2.8\", summary: \"SQL injection.\"}\n"
                + "    source: \"https://api.osv.dev/v1/query\"\n    fetched: \"2026-12-02\"\n";
        Catalog catalog = read(List.of(overlay("django", advisories)), null);
        List<String> ids = catalog.find("django").orElseThrow().advisories().stream().map(Library.Advisory::id).toList();
        assertEquals(List.of("GHSA-frmv-pr5f-9mcr", "CVE-2025-57833", "CVE-2026-1207"), ids);
        assertEquals(List.of("CVE-2025-64459"), catalog.provenance("django").aliasesOf("GHSA-frmv-pr5f-9mcr"));
    }

    @Test
    void aBadOverlayStopsLoadingNamingTheFileAndTheFact() {
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> read(List.of(
                overlay("sqlalchemy", fact("maintenance.latestVersio", "\"2.1.10\"", "2026-12-02")),
                overlay("nosuchlib", fact(FactNames.DOWNLOAD_RANK, "3", "2026-12-02")),
                file("refreshed/django.yaml", "id: \"flask\"\nfacts: {}\n"),
                overlay("psycopg", fact(FactNames.DOWNLOAD_RANK, "\"high\"", "2026-12-02"))), null));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("data/refreshed/sqlalchemy.yaml: fact \"maintenance.latestVersio\": not a fact a refresh writes"
                + "; did you mean \"maintenance.latestVersion\"?"), problems);
        assertTrue(problems.contains("data/refreshed/django.yaml: holds the facts of \"flask\"; the file must be named flask.yaml"), problems);
        assertTrue(problems.contains("data/refreshed/psycopg.yaml: fact \"maintenance.downloadRank\": expected a rank"), problems);
    }

    @Test
    void anOverlayWithoutARecordIsReported() {
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> read(List.of(
                overlay("nosuchlib", fact(FactNames.DOWNLOAD_RANK, "3", "2026-12-02"))), null));
        assertTrue(e.problems().get(0).contains("data/refreshed/nosuchlib.yaml: no catalog record has this id"), e.problems()::toString);
    }

    @Test
    void aRefreshedValueTheCatalogDoesNotAllowNamesBothFiles() {
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> read(List.of(
                overlay("sqlalchemy", fact(FactNames.DEV_STATUS, "\"mature\"", "2026-12-02"))), null));
        assertTrue(e.problems().get(0).contains("(sqlalchemy) with data/refreshed/sqlalchemy.yaml"), e.problems()::toString);
    }

    @Test
    void pinsNameCatalogIdsAndRefreshableFacts() {
        List<String> problems = new ArrayList<>();
        Pins.read(file("pinned.yaml", "pinned:\n  sqlalchemy: [summary]\n"), problems);
        assertTrue(problems.get(0).contains("\"summary\" is not a fact a refresh sets"), problems::toString);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> read(List.of(),
                file("pinned.yaml", "pinned:\n  sqlalchemi: [license]\n")));
        assertTrue(e.problems().get(0).contains("\"sqlalchemi\" is not a catalog id; did you mean \"sqlalchemy\"?"), e.problems()::toString);
    }

    @Test
    void theShippedDataLoadsWithItsPinsFile() {
        assertTrue(DATA.files().stream().anyMatch(f -> f.path().equals(Data.PINNED)));
        assertEquals(List.of(), DATA.catalog().provenance("sqlalchemy").pinned());
    }
}
