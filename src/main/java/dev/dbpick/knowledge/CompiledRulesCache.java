package dev.dbpick.knowledge;

import dev.dbpick.support.CacheFolder;
import dev.dbpick.support.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Keeps the compiled form of a set of rule files so the next command-line run skips the
 * compiler (about a second of a cold start).
 *
 * <p>The cache is Java serialization, so an entry is only ever read when it and its folder are
 * the current user's and nobody else can write them ({@link CacheFolder}: {@code -Ddbpick.cache.dir}
 * or {@code $DBPICK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/dbpick}, else {@code ~/.cache/dbpick}).
 * Entries are named by a hash of the rule files, the Java runtime and the dbpick build, and each
 * starts with the whole hash it was built for: an entry whose hash is not the one its name says
 * (copied or renamed) is rejected and dropped, as is any entry that fails to read. A folder the
 * cache creates is its owner's only; the permissions of one it did not create are never changed.
 * Nothing from a request or a shared location is ever loaded.
 *
 * <p>Each edit of a rule file or new build makes a new entry (961 KiB for the bundled rules), so the folder keeps
 * the {@value #KEPT} most recently used entries and drops the rest when it stores one; a hit
 * counts as a use. A temporary file left by a run that died is dropped after an hour.
 */
public final class CompiledRulesCache {

    /** What an entry starts with, before the key it was built for and the compiled packages. */
    private static final String FORMAT = "dbpick compiled rules 1";

    /** Entries kept: enough for a few rule folders and builds used by turns. */
    static final int KEPT = 8;

    private final Path folder;
    private final boolean loading;

    private CompiledRulesCache(Path folder, boolean loading) {
        this.folder = folder;
        this.loading = loading;
    }

    private CompiledRulesCache(Path folder) {
        this(folder, true);
    }

    /**
     * A cache in a given folder: the service's private folder, through which the reload gate's
     * process hands over the rules it compiled and checked; tests.
     */
    public static CompiledRulesCache in(Path folder) {
        return new CompiledRulesCache(folder);
    }

    /** This cache, storing what is compiled but never loading: the rules are always compiled. */
    public CompiledRulesCache storeOnly() {
        return new CompiledRulesCache(folder, false);
    }

    /** A cache that never hits and never writes. */
    public static CompiledRulesCache disabled() {
        return new CompiledRulesCache(null);
    }

    /** The user's cache folder, or a disabled cache when it is switched off or cannot be made safe. */
    public static CompiledRulesCache forUser() {
        return dev.dbpick.support.CacheFolder.forUser().map(CompiledRulesCache::new).orElseGet(CompiledRulesCache::disabled);
    }

    Optional<Collection<KiePackage>> load(List<SourceFile> files) {
        String key = key(files);
        Path entry = entry(key);
        if (entry == null || !loading || !CacheFolder.trusted(folder) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                || !CacheFolder.trusted(entry)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS);
             DroolsObjectInputStream objects = new DroolsObjectInputStream(in, getClass().getClassLoader())) {
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter("maxdepth=200;maxrefs=2000000"));
            if (!FORMAT.equals(objects.readUTF()) || !key.equals(objects.readUTF())) {
                throw new IOException("an entry of another format or revision than its name says");
            }
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            touch(entry);
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            deleteQuietly(entry);
            return Optional.empty();
        }
    }

    void store(List<SourceFile> files, Collection<KiePackage> packages) {
        String key = key(files);
        Path entry = entry(key);
        if (entry == null) {
            return;
        }
        try {
            CacheFolder.createOwnerOnly(folder);
            if (!CacheFolder.trusted(folder)) {
                return;   // it would never be read
            }
            Path temporary = Files.createTempFile(folder, "rules-", ".tmp");
            Files.setPosixFilePermissions(temporary, CacheFolder.OWNER_ONLY_FILE);
            try (OutputStream out = Files.newOutputStream(temporary);
                 DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                objects.writeUTF(FORMAT);
                objects.writeUTF(key);
                objects.writeObject(new ArrayList<>(packages));
            }
            Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs the next run its speed.
        }
    }

    /** The hash an entry is named and keyed by: the rule files' paths and contents, the Java runtime and the build. */
    private String key(List<SourceFile> files) {
        if (folder == null) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(buildIdentity().getBytes(StandardCharsets.UTF_8));
            for (SourceFile file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path entry(String key) {
        return key == null ? null : folder.resolve("rules-" + key.substring(0, 32) + ".bin");
    }

    /** The Java runtime and the dbpick build: a cache entry is only valid for both. */
    private static String buildIdentity() {
        String build = "";
        try {
            Path jar = Path.of(CompiledRulesCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            build = jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception e) {
            build = "unknown";
        }
        return System.getProperty("java.vm.version") + "|" + build;
    }

    /** Marks an entry as just used, so pruning keeps it. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only its place in the pruning order is lost.
        }
    }

    /** Keeps the {@value #KEPT} most recently used entries; drops temporary files older than an hour. */
    void prune() {
        if (folder == null) {
            return;
        }
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        List<Path> entries = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(folder, "rules-*")) {
            for (Path file : listing) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bin")) {
                    entries.add(file);
                } else if (name.endsWith(".tmp") && modified(file) < hourAgo) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        entries.sort(Comparator.comparingLong(CompiledRulesCache::modified).reversed());
        entries.stream().skip(KEPT).forEach(CompiledRulesCache::deleteQuietly);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Leave it; it is a miss either way.
        }
    }
}
