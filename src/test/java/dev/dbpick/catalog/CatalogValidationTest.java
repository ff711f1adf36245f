package dev.dbpick.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Data;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.support.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One fixture folder per bad case under fixtures/catalog: its *.yaml files are the whole
 * catalog, and expect.txt lists fragments of the problem reported (a line "not: TEXT" says
 * TEXT must not be reported: only root causes are).
 */
class CatalogValidationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/catalog");

    private final Data data = TestKnowledge.data();

    @TestFactory
    Stream<DynamicTest> everyBadCatalogStopsLoadingNamingTheFileAndEntry() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            cases = dirs.filter(d -> !d.getFileName().toString().equals("valid")).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(dir -> dynamicTest(dir.getFileName().toString(), () -> {
            KnowledgeException e = assertThrows(KnowledgeException.class, () -> read(dir));
            String problems = String.join("\n", e.problems());
            for (String fragment : Files.readString(dir.resolve("expect.txt")).strip().split("\n")) {
                if (fragment.startsWith("not: ")) {
                    String absent = fragment.substring("not: ".length());
                    assertFalse(problems.contains(absent), "did not expect \"" + absent + "\" in:\n" + problems);
                } else {
                    assertTrue(problems.contains(fragment), "expected \"" + fragment + "\" in:\n" + problems);
                }
            }
        }));
    }

    @Test
    void aValidCatalogLoads() {
        Catalog catalog = read(FIXTURES.resolve("valid"));
        assertEquals(List.of("other", "sqlalchemy"), catalog.libraries().stream().map(Library::id).toList());
    }

    @Test
    void theBundledCatalogHoldsEverySeedLibrary() {
        Catalog catalog = data.catalog();
        for (String id : List.of("sqlalchemy", "django", "sqlmodel", "peewee", "pony", "dataset", "beanie",
                "mongoengine", "odmantic", "pynamodb", "psycopg", "pymysql", "mysqlclient", "sqlite3", "sqlite-utils",
                "pymssql", "clickhouse-driver", "redis", "pymongo", "kafka-python", "cassandra-driver", "duckdb",
                "tinydb", "pickledb", "diskcache", "django-cacheops", "beaker", "dogpile.cache")) {
            assertTrue(catalog.find(id).isPresent(), "seed library missing: " + id);
        }
        assertTrue(catalog.size() >= 28 + 15, "at least 15 libraries beyond the seed list, got " + catalog.size());
    }

    @Test
    void everyDriverALibraryRunsOnIsACatalogDriverForThatDatabase() {
        Catalog catalog = data.catalog();
        int pairings = 0;
        for (Library library : catalog.libraries()) {
            for (var entry : library.runsOn().entrySet()) {
                assertTrue(library.databases().contains(entry.getKey()), library.id() + " runs on " + entry.getKey());
                for (String id : concat(entry.getValue().sync(), entry.getValue().async())) {
                    Library driver = catalog.find(id).orElseThrow(() -> new AssertionError(library.id() + ": no driver " + id));
                    assertTrue(driver.kinds().contains("driver") && driver.databases().contains(entry.getKey()),
                            library.id() + ": " + id + " is not a " + entry.getKey() + " driver");
                    pairings++;
                }
            }
        }
        assertTrue(pairings > 50, "pairings: " + pairings);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Catalog read(Path dir) {
        KnowledgeFolder folder = new KnowledgeFolder(dir.getFileName().toString(), dir);
        List<SourceFile> files = folder.read("", ".yaml");
        return CatalogReader.read(files, data.catalog().vocabulary(), data.questionnaire());
    }
}
