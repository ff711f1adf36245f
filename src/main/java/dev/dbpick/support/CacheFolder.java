package dev.dbpick.support;

import java.io.IOException;
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
 * (or {@code -Ddbpick.cache=off}). What is read from it is only trusted when the folder is the
 * current user's and nobody else can write it.
 */
public final class CacheFolder {

    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private CacheFolder() {
    }

    /** The user's cache folder, or none when caching is switched off. */
    public static Optional<Path> forUser() {
        if ("off".equals(System.getenv("DBPICK_CACHE")) || "off".equals(System.getProperty("dbpick.cache"))) {
            return Optional.empty();
        }
        String explicit = System.getProperty("dbpick.cache.dir", System.getenv("DBPICK_CACHE_DIR"));
        String xdg = System.getenv("XDG_CACHE_HOME");
        return Optional.of(explicit != null && !explicit.isBlank() ? Path.of(explicit)
                : xdg != null && !xdg.isBlank() ? Path.of(xdg, "dbpick")
                : Path.of(System.getProperty("user.home"), ".cache", "dbpick"));
    }

    /** Creates the folder (and its parents) and makes it readable and writable by its owner only. */
    public static void createOwnerOnly(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR);
    }

    /** True when the folder is a directory of the current user that nobody else can read or write. */
    public static boolean ownerOnly(Path folder) {
        try {
            var attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            return attributes.isDirectory()
                    && attributes.owner().getName().equals(me)
                    && attributes.permissions().equals(OWNER_ONLY_DIR);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
