package dev.dbpick.cli;

import dev.dbpick.profile.Profile;
import dev.dbpick.render.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a profile as JSON without ever losing or clobbering data. A regular file (or a new
 * path) is written whole or not at all: a temporary file beside it, then an atomic rename, and
 * the temporary file is removed on failure and when the process is ended meanwhile. A symbolic
 * link is followed, so the link stays and the file it points to is replaced. A device or a FIFO
 * ({@code /dev/stdout}, a named pipe) is written through, never replaced by a file.
 */
final class ProfileFile {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Ending anyway; nothing else to do.
            }
        })));
    }

    private ProfileFile() {
    }

    /**
     * Checks, before any question is asked, that the answers could be saved at {@code target}:
     * not a folder, in a folder that exists and can be written.
     *
     * @return where the answers will go: the path, or the file a symbolic link points to
     */
    static Path check(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path resolved = absolute;
        for (int hops = 0; Files.isSymbolicLink(resolved); hops++) {
            if (hops == 40) {
                throw new UsageException("cannot save to " + target + ": too many levels of symbolic links");
            }
            try {
                resolved = resolved.resolveSibling(Files.readSymbolicLink(resolved)).normalize();
            } catch (IOException e) {
                throw new UsageException("cannot save to " + target + ": cannot read the symbolic link");
            }
        }
        if (Files.isDirectory(resolved)) {
            throw new UsageException("cannot save to " + target + ": it is a folder; name a file, e.g. " + resolved.resolve("profile.json"));
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isWritable(resolved)) {
                throw new UsageException("cannot save to " + target + ": not writable");
            }
            return resolved;
        }
        Path folder = resolved.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("cannot save to " + target + ": folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new UsageException("cannot save to " + target + ": folder " + folder + " is not writable");
        }
        if (Files.exists(resolved) && !Files.isWritable(resolved)) {
            throw new UsageException("cannot save to " + target + ": the file is not writable");
        }
        return resolved;
    }

    /** Writes the profile to {@code target} (as named by the user; checked again here). */
    static void write(Path target, Profile profile) {
        Path resolved = check(target);
        byte[] content = (Json.write(profile) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.exists(resolved) && !Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
                try (OutputStream out = Files.newOutputStream(resolved, StandardOpenOption.WRITE)) {
                    out.write(content);
                }
                return;
            }
            Path temporary = Files.createTempFile(resolved.getParent(), "." + resolved.getFileName() + ".", ".tmp");
            PENDING.add(temporary);
            try {
                Files.write(temporary, content);
                keepPermissions(resolved, temporary);
                Files.move(temporary, resolved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
                PENDING.remove(temporary);
            }
        } catch (IOException e) {
            throw new UsageException("cannot save to " + target + ": " + reason(e));
        }
    }

    /** The replaced file's permissions, or rw-r--r-- for a new one (a temporary file starts owner-only). */
    private static void keepPermissions(Path replaced, Path temporary) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temporary, Files.exists(replaced)
                ? Files.getPosixFilePermissions(replaced)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Whether the answers went to a file that {@code recommend --profile} can read again later. */
    static boolean rereadable(Path target) {
        return Files.isRegularFile(target);
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = message.lastIndexOf(": ");
        return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }
}
