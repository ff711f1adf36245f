package dev.dbpick.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.catalog.Catalog;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsed data folder kept beside the compiled rules ({@link CompiledRulesCache#loadData}). */
class ParsedDataCacheTest {

    @TempDir
    Path folder;

    @TempDir
    Path copy;

    private CompiledRulesCache cache() throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        return CompiledRulesCache.in(folder);
    }

    @Test
    void dataReadThroughTheCacheIsTheDataParsed() throws IOException {
        CompiledRulesCache cache = cache();
        Data parsed = Data.read(TestKnowledge.DATA);
        Data first = Data.read(TestKnowledge.DATA, cache);
        assertEquals(1, entries("data-").size(), "the first read parses and stores");
        Data cached = cache.loadData(Data.files(TestKnowledge.DATA)).orElseThrow();
        for (Data data : List.of(first, cached, Data.read(TestKnowledge.DATA, cache))) {
            assertSame(parsed, data);
        }
    }

    @Test
    void anEditedDataFileIsParsedAgain() throws IOException {
        CompiledRulesCache cache = cache();
        copyTree(Path.of("data"), copy);
        KnowledgeFolder data = new KnowledgeFolder("data", copy);
        assertEquals("SQLAlchemy", Data.read(data, cache).catalog().find("sqlalchemy").orElseThrow().name());
        Path orm = copy.resolve("catalog/orm.yaml");
        Files.writeString(orm, Files.readString(orm).replace("name: SQLAlchemy\n", "name: SQLAlchemy Core and ORM\n"));
        assertEquals("SQLAlchemy Core and ORM", Data.read(data, cache).catalog().find("sqlalchemy").orElseThrow().name());
        assertEquals(2, entries("data-").size());
    }

    @Test
    void aCorruptEntryIsIgnoredAndDropped() throws IOException {
        CompiledRulesCache cache = cache();
        Data.read(TestKnowledge.DATA, cache);
        Path entry = entries("data-").get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertFalse(cache.loadData(Data.files(TestKnowledge.DATA)).isPresent());
        assertFalse(Files.exists(entry));
        Files.writeString(folder.resolve(entry.getFileName()), "not an entry", StandardCharsets.UTF_8);
        assertFalse(cache.loadData(Data.files(TestKnowledge.DATA)).isPresent());
    }

    @Test
    void anEntryOfOtherFilesIsRejectedAndDropped() throws IOException {
        CompiledRulesCache cache = cache();
        copyTree(Path.of("data"), copy);
        Data.read(new KnowledgeFolder("copy", copy), cache);   // named otherwise: another entry
        Path other = entries("data-").get(0);
        Data.read(TestKnowledge.DATA, cache);
        Path entry = entries("data-").stream().filter(e -> !e.equals(other)).findFirst().orElseThrow();
        Files.copy(other, entry, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(cache.loadData(Data.files(TestKnowledge.DATA)).isPresent(), "the entry says it was built for other files");
        assertFalse(Files.exists(entry));
    }

    @Test
    void anEntryHoldingAClassOutsideTheDataIsRejected() throws IOException, ClassNotFoundException {
        CompiledRulesCache cache = cache();
        Data.read(TestKnowledge.DATA, cache);
        Path entry = entries("data-").get(0);
        String format;
        String key;
        try (var in = new ObjectInputStream(Files.newInputStream(entry))) {
            format = in.readUTF();
            key = in.readUTF();
        }
        try (var out = new ObjectOutputStream(Files.newOutputStream(entry))) {
            out.writeUTF(format);
            out.writeUTF(key);
            out.writeObject(new AtomicInteger(1));
        }
        assertFalse(cache.loadData(Data.files(TestKnowledge.DATA)).isPresent());
        assertFalse(Files.exists(entry));
    }

    @Test
    void anEntryOthersCanWriteIsIgnored() throws IOException {
        CompiledRulesCache cache = cache();
        Data.read(TestKnowledge.DATA, cache);
        Files.setPosixFilePermissions(entries("data-").get(0), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertFalse(cache.loadData(Data.files(TestKnowledge.DATA)).isPresent());
    }

    @Test
    void aDisabledCacheParsesEveryTime() {
        Data data = Data.read(TestKnowledge.DATA, CompiledRulesCache.disabled());
        assertSame(Data.read(TestKnowledge.DATA), data);
    }

    @Test
    void theDataOfAnotherFolderNameIsAnotherEntry() throws IOException {
        CompiledRulesCache cache = cache();
        Data.read(TestKnowledge.DATA, cache);
        Data.read(new KnowledgeFolder("(bundled) data", Path.of("data")), cache);
        assertEquals(2, entries("data-").size(), "messages name the files by folder, so the entry does too");
        assertNotEquals(entries("data-").get(0), entries("data-").get(1));
    }

    /** The same questionnaire, catalog, settings and files. */
    private static void assertSame(Data expected, Data actual) {
        assertEquals(expected.questionnaire(), actual.questionnaire());
        assertEquals(expected.settings(), actual.settings());
        Catalog catalog = expected.catalog();
        assertEquals(catalog.libraries(), actual.catalog().libraries());
        assertEquals(catalog.vocabulary(), actual.catalog().vocabulary());
        for (var library : catalog.libraries()) {
            assertEquals(catalog.provenance(library.id()), actual.catalog().provenance(library.id()));
        }
        assertEquals(expected.files().stream().map(f -> f.name() + new String(f.content(), StandardCharsets.UTF_8)).toList(),
                actual.files().stream().map(f -> f.name() + new String(f.content(), StandardCharsets.UTF_8)).toList());
        assertTrue(actual.catalog().size() > 0);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private List<Path> entries(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".bin"))
                    .sorted().toList();
        }
    }
}
