package dev.dbpick.cli;

import dev.dbpick.profile.Profile;
import dev.dbpick.render.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a profile as JSON, whole or not at all: a temporary file beside it, then a rename. */
final class ProfileFile {

    private ProfileFile() {
    }

    static void write(Path target, Profile profile) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".dbpick-", ".tmp");
            try {
                Files.writeString(temporary, Json.write(profile) + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
