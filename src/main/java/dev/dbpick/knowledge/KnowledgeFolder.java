package dev.dbpick.knowledge;

import dev.dbpick.support.SourceFile;
import dev.dbpick.support.KnowledgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of knowledge files ({@code rules/} or {@code data/}): one the user named, the one in
 * the working directory, or the copy bundled in the jar; optionally with a team's folder of the
 * same kind laid over it ({@link TeamFolder}).
 *
 * @param label how messages name the folder, e.g. {@code rules} or {@code (bundled) data}
 * @param root  the folder; inside the jar it is a path of the jar's file system
 * @param team  the team's {@code rules/} or {@code data/} on top of this one, or null
 */
public record KnowledgeFolder(String label, Path root, KnowledgeFolder team) {

    public KnowledgeFolder(String label, Path root) {
        this(label, root, null);
    }

    /** This folder with a team's folder of the same kind on top (null for none). */
    public KnowledgeFolder withTeam(KnowledgeFolder teamFolder) {
        return new KnowledgeFolder(label, root, teamFolder);
    }

    /**
     * Every file under {@code subfolder} of this folder, then those of the team's folder with
     * {@link SourceFile#TEAM} before their path, so the revision, the compiled-rules cache and
     * every reader tell them from the bundled files.
     */
    public List<SourceFile> layered(String subfolder, String suffix) {
        List<SourceFile> files = new java.util.ArrayList<>(read(subfolder, suffix));
        KnowledgeFolder present = presentTeam();
        if (present != null) {
            present.read(subfolder, suffix).forEach(f -> files.add(f.inTeam()));
        }
        return List.copyOf(files);
    }

    /**
     * The team's folder of this kind when it is there now, else null: a team may keep rules/
     * without data/ or the reverse (the bundled folder itself must exist, {@link #read}).
     */
    public KnowledgeFolder presentTeam() {
        return team != null && Files.isDirectory(team.root()) ? team : null;
    }

    /**
     * The folder to use: {@code explicit} when given, else {@code name} under the working
     * directory when it exists, else the bundled copy.
     */
    public static KnowledgeFolder resolve(Path explicit, String name, Path workingDirectory) {
        if (explicit != null) {
            if (!Files.isDirectory(explicit)) {
                throw new KnowledgeException("--" + name + " " + explicit + (Files.exists(explicit) ? ": not a folder" : ": no such folder"));
            }
            return new KnowledgeFolder(explicit.toString(), explicit);
        }
        Path local = workingDirectory.resolve(name);
        if (Files.isDirectory(local)) {
            return new KnowledgeFolder(name, local);
        }
        return bundled(name);
    }

    /** The copy of {@code rules/} or {@code data/} packaged with dbpick. */
    public static KnowledgeFolder bundled(String name) {
        URL url = KnowledgeFolder.class.getResource("/knowledge/" + name);
        if (url == null) {
            throw new KnowledgeException("no " + name + "/ folder here and none bundled; use --" + name + " DIR");
        }
        try {
            Path root = "jar".equals(url.getProtocol())
                    ? jarFileSystem(url).getPath("/knowledge/" + name)
                    : Path.of(url.toURI());
            return new KnowledgeFolder("(bundled) " + name, root);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bundled knowledge at " + url, e);
        }
    }

    private static FileSystem jarFileSystem(URL url) throws URISyntaxException {
        try {
            return FileSystems.newFileSystem(url.toURI(), Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(url.toURI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file under {@code subfolder} ("" for all) whose name ends with {@code suffix}, sorted
     * by path. Names starting with a dot are skipped, at any depth (editors' backups, and the
     * {@code ..data} folders of a mounted Kubernetes ConfigMap, whose files are links into them).
     */
    public List<SourceFile> read(String subfolder, String suffix) {
        Path base = base();
        Path start = subfolder.isEmpty() ? base : base.resolve(subfolder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(start)) {
            return paths.filter(p -> !hidden(base.relativize(p)) && p.getFileName().toString().endsWith(suffix)
                            && (Files.isRegularFile(p) || Files.isSymbolicLink(p)))
                    .map(p -> readFile(base, p))
                    .sorted((a, b) -> a.path().compareTo(b.path()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new KnowledgeException(label + ": cannot list files: " + e.getMessage());
        }
    }

    /** One named file, e.g. {@code questionnaire.yaml}. */
    public SourceFile readOne(String relative) {
        return readIfPresent(relative).orElseThrow(() -> new KnowledgeException(label + "/" + relative + ": file missing"));
    }

    /** One named file when it exists, e.g. the optional {@code pinned.yaml}. */
    public java.util.Optional<SourceFile> readIfPresent(String relative) {
        Path base = base();
        Path file = base.resolve(relative);
        return Files.isRegularFile(file) || Files.isSymbolicLink(file) ? java.util.Optional.of(readFile(base, file))
                : java.util.Optional.empty();
    }

    /**
     * The folder the root leads to now: its real path on the disk, so that a root which is a
     * symbolic link (or lies under one) is read where the link points at the time of reading.
     */
    private Path base() {
        if (root.getFileSystem() != FileSystems.getDefault()) {
            return root;
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new KnowledgeException(label + ": " + (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? "cannot read the folder (" + e.getClass().getSimpleName() + ")" : "no such folder"));
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Largest knowledge file read; the bundled ones are a few dozen KiB. */
    static final long MAX_FILE_BYTES = 4L << 20;

    /**
     * Reads a file under {@code base}. A symbolic link (or a path through one) that leads
     * outside the folder is refused, naming the file: knowledge is what lies in the folder, and
     * a link must not make the service read (and report) a file from elsewhere.
     */
    private SourceFile readFile(Path base, Path file) {
        String relative = base.relativize(file).toString().replace('\\', '/');
        String name = label + "/" + relative;
        if (file.getFileSystem() == FileSystems.getDefault()) {
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                throw new KnowledgeException(name + ": a symbolic link to a file that does not exist");
            }
            if (!real.startsWith(base)) {
                throw new KnowledgeException(name + ": a symbolic link to a file outside the " + label
                        + " folder; refused (knowledge files must lie inside the folder)");
            }
            if (!Files.isRegularFile(real)) {
                throw new KnowledgeException(name + ": not a regular file");
            }
        }
        byte[] content;
        try (var in = Files.newInputStream(file)) {
            content = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new KnowledgeException(name + ": cannot read: " + e.getMessage());
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new KnowledgeException(name + ": larger than " + (MAX_FILE_BYTES >> 20) + " MiB; not a knowledge file");
        }
        checkText(name, content);
        return new SourceFile(name, relative, content);
    }

    /** A knowledge file is UTF-8 text: binary content is reported as such, with where it starts. */
    private static void checkText(String name, byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new KnowledgeException(name + ": binary data (a NUL byte at offset " + i + "), not UTF-8 text");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            throw new KnowledgeException(name + ": not UTF-8 text; save it as UTF-8");
        }
    }
}
