package dev.dbpick.knowledge;

import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Provenance;
import dev.dbpick.catalog.Vocabulary;
import dev.dbpick.questionnaire.Choice;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.QuestionType;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.CacheFolder;
import dev.dbpick.support.SourceFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * compiler (about a second of a cold start); and, beside it, the parsed form of a data folder,
 * so the run skips reading the catalog's YAML too ({@link #loadData}).
 *
 * <p>The cache is Java serialization, so an entry is only ever read when it and its folder are
 * the current user's and nobody else can write them ({@link CacheFolder}: {@code -Ddbpick.cache.dir}
 * or {@code $DBPICK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/dbpick}, else {@code ~/.cache/dbpick}).
 * Entries are named by a hash of the files (their paths and contents), the Java runtime and the dbpick build, and each
 * starts with the whole hash it was built for: an entry whose hash is not the one its name says
 * (copied or renamed) is rejected and dropped, as is any entry that fails to read. A folder the
 * cache creates is its owner's only; the permissions of one it did not create are never changed.
 * Nothing from a request or a shared location is ever loaded.
 *
 * <p>Each edit of a rule or data file or new build makes a new entry (961 KiB for the bundled rules), so the folder keeps
 * the {@value #KEPT} most recently used entries of each kind and drops the rest when it stores one; a hit
 * counts as a use. A temporary file left by a run that died is dropped after an hour.
 */
public final class CompiledRulesCache {

    /**
     * The two kinds of entry: compiled rules ({@code rules-*.bin}, Drools' serialization) and the
     * parsed data folder ({@code data-*.bin}). Each starts with its format line and the whole key
     * it was built for; a data entry may only hold dbpick's own data classes, strings, numbers and
     * the JDK's lists and maps (and the JSON nodes of questionnaire defaults).
     */
    private enum Kind {
        RULES("rules-", "dbpick compiled rules 2", "maxdepth=200;maxrefs=2000000"),
        DATA("data-", "dbpick parsed data 1", "maxdepth=40;maxrefs=1000000;maxarray=1000000;dev.dbpick.catalog.*;"
                + "dev.dbpick.questionnaire.*;dev.dbpick.knowledge.Settings;dev.dbpick.knowledge.RefreshSettings;"
                + "java.util.*;java.lang.*;com.fasterxml.jackson.databind.node.*;!*");

        final String prefix;
        final String format;
        final ObjectInputFilter filter;

        Kind(String prefix, String format, String filter) {
            this.prefix = prefix;
            this.format = format;
            this.filter = ObjectInputFilter.Config.createFilter(filter);
        }
    }

    /** Entries kept: enough for a few rule folders and builds used by turns. */
    static final int KEPT = 8;

    /** The read and write buffer of an entry. */
    private static final int BUFFER = 64 * 1024;

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

    /** Compiled rules and what was read from their text ({@link RuleCompiler.Analyses}), as stored. */
    record Cached(Collection<KiePackage> packages, RuleCompiler.Analyses analyses) {
    }

    Optional<Cached> load(List<SourceFile> files) {
        return read(Kind.RULES, files, objects -> {
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            return new Cached(packages, (RuleCompiler.Analyses) objects.readObject());
        });
    }

    void store(List<SourceFile> files, Collection<KiePackage> packages, RuleCompiler.Analyses analyses) {
        write(Kind.RULES, files, objects -> {
            objects.writeObject(new ArrayList<>(packages));
            objects.writeObject(analyses);
        });
    }

    /**
     * The data parsed before from files with the same paths, names and contents, by the same
     * build; empty on a miss. What it holds is what {@link Data#read} made of those files.
     */
    Optional<Data> loadData(List<SourceFile> files) {
        return read(Kind.DATA, files, objects -> new Data((Questionnaire) objects.readObject(),
                (Catalog) objects.readObject(), (Settings) objects.readObject(), files));
    }

    /** Keeps parsed data for the next run that reads the same files. */
    void storeData(Data data) {
        write(Kind.DATA, data.files(), objects -> {
            objects.writeObject(data.questionnaire());
            objects.writeObject(data.catalog());
            objects.writeObject(data.settings());
        });
    }

    /** Reads one kind of entry, or nothing; an entry that fails to read, or says it is another, is dropped. */
    private <T> Optional<T> read(Kind kind, List<SourceFile> files, Reader<T> reader) {
        String key = key(kind, files);
        Path entry = entry(kind, key);
        if (entry == null || !loading || !CacheFolder.trusted(folder) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                || !CacheFolder.trusted(entry)) {
            return Optional.empty();
        }
        // Buffered: object streams read a few bytes at a time (80,000 reads of the bundled rules' entry unbuffered).
        try (InputStream in = new BufferedInputStream(Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS), BUFFER);
             ObjectInputStream objects = kind == Kind.RULES ? new DroolsObjectInputStream(in, getClass().getClassLoader())
                     : new ObjectInputStream(in)) {
            objects.setObjectInputFilter(kind.filter);
            if (!kind.format.equals(objects.readUTF()) || !key.equals(objects.readUTF())) {
                throw new IOException("an entry of another format or revision than its name says");
            }
            T value = reader.read(objects);
            touch(entry);
            return Optional.of(value);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            deleteQuietly(entry);
            return Optional.empty();
        }
    }

    private void write(Kind kind, List<SourceFile> files, Writer writer) {
        String key = key(kind, files);
        Path entry = entry(kind, key);
        if (entry == null) {
            return;
        }
        try {
            CacheFolder.createOwnerOnly(folder);
            if (!CacheFolder.trusted(folder)) {
                return;   // it would never be read
            }
            Path temporary = Files.createTempFile(folder, kind.prefix, ".tmp");
            Files.setPosixFilePermissions(temporary, CacheFolder.OWNER_ONLY_FILE);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER);
                 ObjectOutputStream objects = kind == Kind.RULES ? new DroolsObjectOutputStream(out) : new ObjectOutputStream(out)) {
                objects.writeUTF(kind.format);
                objects.writeUTF(key);
                writer.write(objects);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temporary);
                throw e;
            }
            Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs the next run its speed.
        }
    }

    /** What an entry holds after its format line and key. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ObjectInputStream objects) throws IOException, ClassNotFoundException;
    }

    @FunctionalInterface
    private interface Writer {
        void write(ObjectOutputStream objects) throws IOException;
    }

    /**
     * The hash an entry is named and keyed by: the files' paths and contents, the Java runtime and
     * the build; for data also the files' names, and the shape of the classes the entry holds (a
     * build run from a classes folder, as in development, has no jar that says it changed).
     */
    private String key(Kind kind, List<SourceFile> files) {
        if (folder == null) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(buildIdentity().getBytes(StandardCharsets.UTF_8));
            if (kind == Kind.DATA) {
                digest.update((kind.format + "|" + dataShape()).getBytes(StandardCharsets.UTF_8));
            }
            for (SourceFile file : files) {
                if (kind == Kind.DATA) {
                    digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
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

    private Path entry(Kind kind, String key) {
        return key == null ? null : folder.resolve(kind.prefix + key.substring(0, 32) + ".bin");
    }

    /** The classes a data entry holds, with their fields' names and types. */
    private static final List<Class<?>> DATA_CLASSES = List.of(Questionnaire.class, Question.class, Question.Wording.class,
            Choice.class, QuestionType.class, Catalog.class, Library.class, Library.AsyncSupport.class,
            Library.PythonLine.class, Library.Migrations.class, Library.Drivers.class, Library.Maintenance.class,
            Library.Advisory.class, Library.DependencyRisk.class, Library.SeedClaim.class, Vocabulary.class,
            Provenance.class, Provenance.Origin.class, Settings.class, RefreshSettings.class);

    private static String dataShape() {
        StringBuilder shape = new StringBuilder();
        for (Class<?> type : DATA_CLASSES) {
            shape.append(type.getName()).append('{');
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    shape.append(constant).append(',');
                }
            } else {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        shape.append(field.getGenericType().getTypeName()).append(' ').append(field.getName()).append(',');
                    }
                }
            }
            shape.append('}');
        }
        return shape.toString();
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

    /** Keeps the {@value #KEPT} most recently used entries of each kind; drops temporary files older than an hour. */
    void prune() {
        if (folder == null) {
            return;
        }
        for (Kind kind : Kind.values()) {
            prune(kind.prefix);
        }
    }

    private void prune(String prefix) {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        List<Path> entries = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(folder, prefix + "*")) {
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
