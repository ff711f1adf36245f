package dev.dbpick.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbpick.support.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;

class CompiledRulesCacheTest {

    private static Collection<KiePackage> packages;

    @TempDir
    Path folder;

    @BeforeAll
    static void compileOnce() {
        packages = RuleCompiler.compile(List.of(rules(0))).packages();
    }

    /** A one-rule file; {@code variant} changes its text, so each variant is its own cache entry. */
    private static SourceFile rules(int variant) {
        String text = """
                package dev.dbpick.rules;
                import dev.dbpick.catalog.Library;
                rule "Any library"
                when
                    Library()
                then
                end
                // variant %d
                """.formatted(variant);
        return new SourceFile("rules/a.drl", "a.drl", text.getBytes(StandardCharsets.UTF_8));
    }

    private CompiledRulesCache cache() throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        return CompiledRulesCache.in(folder);
    }

    @Test
    void anEntryStoredIsLoaded() throws IOException {
        CompiledRulesCache cache = cache();
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        assertTrue(cache.load(List.of(rules(1))).isPresent());
        assertFalse(cache.load(List.of(rules(2))).isPresent(), "another text is another entry");
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKept() throws IOException {
        CompiledRulesCache cache = cache();
        int stored = CompiledRulesCache.KEPT + 4;
        for (int i = 0; i < stored; i++) {
            cache.store(List.of(rules(i)), packages, RuleCompiler.Analyses.of(List.of(rules(i))));
            age(entries(), 1);   // every entry so far a minute older, so the order is clear
        }
        assertEquals(CompiledRulesCache.KEPT, entries().size());
        assertFalse(cache.load(List.of(rules(0))).isPresent(), "the oldest entries were dropped");
        assertTrue(cache.load(List.of(rules(4))).isPresent(), "the oldest kept entry is used ...");
        age(entries(), 1);
        cache.store(List.of(rules(100)), packages, RuleCompiler.Analyses.of(List.of(rules(100))));
        assertTrue(cache.load(List.of(rules(4))).isPresent(), "... so it outlives entries stored after it");
        assertFalse(cache.load(List.of(rules(5))).isPresent());
        assertEquals(CompiledRulesCache.KEPT, entries().size());
    }

    @Test
    void aTemporaryFileOfARunThatDiedIsDroppedAfterAnHour() throws IOException {
        CompiledRulesCache cache = cache();
        Path dead = Files.createFile(folder.resolve("rules-1.tmp"));
        Files.setLastModifiedTime(dead, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Path writing = Files.createFile(folder.resolve("rules-2.tmp"));
        Path other = Files.createFile(folder.resolve("notes.txt"));
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(writing), "another run may still be writing it");
        assertTrue(Files.exists(other), "files that are not cache entries are left alone");
    }

    @Test
    void anEntryBuiltForOtherRulesIsRejectedAndDropped() throws IOException {
        CompiledRulesCache cache = cache();
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        Path first = entries().get(0);
        cache.store(List.of(rules(2)), packages, RuleCompiler.Analyses.of(List.of(rules(2))));
        Path second = entries().stream().filter(e -> !e.equals(first)).findFirst().orElseThrow();
        Files.copy(first, second, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(cache.load(List.of(rules(2))).isPresent(), "the entry says it was built for the text of variant 1");
        assertFalse(Files.exists(second));
        assertTrue(cache.load(List.of(rules(1))).isPresent());
    }

    @Test
    void anEntryOthersCanWriteIsIgnored() throws IOException {
        CompiledRulesCache cache = cache();
        Files.setPosixFilePermissions(storeOne(cache), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertFalse(cache.load(List.of(rules(1))).isPresent());
    }

    @Test
    void anEntryThatIsALinkIsIgnored() throws IOException {
        CompiledRulesCache cache = cache();
        Path entry = storeOne(cache);
        Path elsewhere = Files.move(entry, folder.resolve("elsewhere"));
        Files.createSymbolicLink(entry, elsewhere);
        assertFalse(cache.load(List.of(rules(1))).isPresent());
    }

    @Test
    void aFolderOthersCanWriteIsIgnoredAndLeftAsItIs() throws IOException {
        CompiledRulesCache cache = cache();
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFalse(cache.load(List.of(rules(1))).isPresent());
        cache.store(List.of(rules(2)), packages, RuleCompiler.Analyses.of(List.of(rules(2))));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertFalse(cache.load(List.of(rules(2))).isPresent());
    }

    @Test
    void anEntryOrAFolderOfAnotherUserIsIgnored() throws IOException {
        CompiledRulesCache cache = cache();
        Path entry = storeOne(cache);
        assumeTrue(giveAway(entry), "only the superuser can give a file away");
        assertFalse(cache.load(List.of(rules(1))).isPresent(), "an entry of another user");
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        assertTrue(cache.load(List.of(rules(1))).isPresent());
        giveAway(folder);
        assertFalse(cache.load(List.of(rules(1))).isPresent(), "a folder of another user");
    }

    /** Makes {@code nobody} the owner, when the current user may (the superuser); false otherwise. */
    private static boolean giveAway(Path path) {
        try {
            Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void aFolderTheCacheDidNotCreateKeepsItsPermissions() throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        CompiledRulesCache cache = CompiledRulesCache.in(folder);
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertTrue(cache.load(List.of(rules(1))).isPresent(), "the user's folder, writable by the user only: trusted");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entries().get(0))));
    }

    @Test
    void aFolderTheCacheCreatesIsItsOwnersOnly() throws IOException {
        Path made = folder.resolve("a/b");
        CompiledRulesCache.in(made).store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("a"))));
        assertTrue(CompiledRulesCache.in(made).load(List.of(rules(1))).isPresent());
    }

    /** Stores the first variant in an empty cache; its entry. */
    private Path storeOne(CompiledRulesCache cache) throws IOException {
        cache.store(List.of(rules(1)), packages, RuleCompiler.Analyses.of(List.of(rules(1))));
        return entries().get(0);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).toList();
        }
    }

    private static void age(List<Path> files, int minutes) throws IOException {
        for (Path file : files) {
            long then = Files.getLastModifiedTime(file).toMillis() - minutes * 60_000L;
            Files.setLastModifiedTime(file, FileTime.fromMillis(then));
        }
    }
}
