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

    @Test
    void aLinkToAFileOutsideTheFolderIsRefusedNamingTheFile(@TempDir Path top) throws IOException {
        Path secret = Files.writeString(top.resolve("secret.yaml"), "password: hunter2\n");
        Path data = Files.createDirectories(top.resolve("data/catalog"));
        Files.createSymbolicLink(data.resolve("leak.yaml"), secret);
        KnowledgeFolder folder = new KnowledgeFolder("data", top.resolve("data"));
        String message = assertThrows(KnowledgeException.class, () -> folder.read("catalog", ".yaml")).getMessage();
        assertEquals("data/catalog/leak.yaml: a symbolic link to a file outside the data folder; refused"
                + " (knowledge files must lie inside the folder)", message);
        assertThrows(KnowledgeException.class, () -> folder.readOne("catalog/leak.yaml"));
    }

    @Test
    void aLinkedFolderIsReadWhereItPointsAndLinksInsideItAreFollowed(@TempDir Path top) throws IOException {
        Path release = Files.createDirectories(top.resolve("releases/v1/rules"));
        Files.writeString(release.resolve("a.drl"), "package a;\n");
        Files.createDirectories(release.resolve("..2026_12_02"));
        Files.writeString(release.resolve("..2026_12_02/b.drl"), "package b;\n");
        Files.createSymbolicLink(release.resolve("b.drl"), Path.of("..2026_12_02/b.drl"));
        Files.createSymbolicLink(top.resolve("current"), Path.of("releases/v1"));
        KnowledgeFolder folder = new KnowledgeFolder("rules", top.resolve("current/rules"));
        assertEquals(java.util.List.of("a.drl", "b.drl"), folder.read("", ".drl").stream().map(f -> f.path()).toList());
    }
}
