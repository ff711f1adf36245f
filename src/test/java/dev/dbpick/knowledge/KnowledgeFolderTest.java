package dev.dbpick.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbpick.support.KnowledgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFolderTest {

    @Test
    void aGivenFolderIsUsedAsGiven(@TempDir Path folder) {
        assertEquals(folder, KnowledgeFolder.resolve(folder, "rules", Path.of("")).root());
    }

    @Test
    void aMissingFolderAndAFileAreToldApart(@TempDir Path folder) throws IOException {
        Path file = Files.createFile(folder.resolve("rules.drl"));
        assertEquals("--rules " + folder.resolve("nope") + ": no such folder", assertThrows(KnowledgeException.class,
                () -> KnowledgeFolder.resolve(folder.resolve("nope"), "rules", folder)).getMessage());
        assertEquals("--rules " + file + ": not a folder", assertThrows(KnowledgeException.class,
                () -> KnowledgeFolder.resolve(file, "rules", folder)).getMessage());
    }
}
