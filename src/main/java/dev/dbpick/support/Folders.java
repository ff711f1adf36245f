package dev.dbpick.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folders on the disk. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes a folder and everything under it, deepest first; links are deleted, never followed.
     *
     * @throws IOException when a file cannot be listed or deleted
     */
    public static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
