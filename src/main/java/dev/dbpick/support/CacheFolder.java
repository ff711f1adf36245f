package dev.dbpick.support;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * dbpick's cache folder: {@code -Ddbpick.cache.dir} or {@code $DBPICK_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/dbpick}, else {@code ~/.cache/dbpick}; none when {@code DBPICK_CACHE=off}
 * (or {@code -Ddbpick.cache=off}). A relative folder is resolved once, against the working
 * directory the process started in. What is read from it is only trusted when the folder and
 * the file are the current user's and nobody else can write them ({@link #trusted}). Folders
 * dbpick creates are its owner's only; the permissions of a folder it did not create are never
 * changed.
 */
public final class CacheFolder {

    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** The working directory at start, against which a relative cache folder is resolved. */
    private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

    private CacheFolder() {
    }

    /** The user's cache folder, or none when caching is switched off. */
    public static Optional<Path> forUser() {
        if ("off".equals(System.getenv("DBPICK_CACHE")) || "off".equals(System.getProperty("dbpick.cache"))) {
            return Optional.empty();
        }
        String explicit = System.getProperty("dbpick.cache.dir", System.getenv("DBPICK_CACHE_DIR"));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path folder = explicit != null && !explicit.isBlank() ? Path.of(explicit)
                : xdg != null && !xdg.isBlank() ? Path.of(xdg, "dbpick")
                : Path.of(System.getProperty("user.home"), ".cache", "dbpick");
        return Optional.of(WORKING_DIRECTORY.resolve(folder).normalize());
    }

    /**
     * Creates the folder and those of its parents that are missing, each readable and writable by
     * its owner only; a folder that already exists is left as it is.
     */
    public static void createOwnerOnly(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createOwnerOnly(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            return;   // made meanwhile by another run, or not a folder: the caller's next step fails
        }
        Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIR);
    }

    /**
     * True when the path (not followed if it is a link) is a folder or a regular file of the
     * current user that nobody else can write.
     */
    public static boolean trusted(Path path) {
        try {
            var attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            Set<PosixFilePermission> permissions = attributes.permissions();
            return (attributes.isDirectory() || attributes.isRegularFile())
                    && attributes.owner().getName().equals(me)
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
