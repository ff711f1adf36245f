package dev.dbpick.knowledge;

import dev.dbpick.support.Folders;
import dev.dbpick.support.KnowledgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code rules/} and {@code data/} folders as a git revision had them, copied out of the
 * repository that holds the current folders into a temporary folder (deleted on {@link #close}).
 * Read with {@code git archive}, so the working tree and the index are never touched.
 */
public final class KnowledgeAtRevision implements AutoCloseable {

    private static final long GIT_SECONDS = 60;

    private final Path copy;
    private final KnowledgeFolder rules;
    private final KnowledgeFolder data;

    private KnowledgeAtRevision(Path copy, KnowledgeFolder rules, KnowledgeFolder data) {
        this.copy = copy;
        this.rules = rules;
        this.data = data;
    }

    /**
     * The folders {@code rules} and {@code data} at {@code revision} (anything {@code git}
     * accepts: a commit, {@code HEAD~2}, a tag, a branch).
     */
    public static KnowledgeAtRevision of(String revision, KnowledgeFolder rules, KnowledgeFolder data) {
        if (revision.isBlank() || revision.startsWith("-")) {
            throw new KnowledgeException("--against: \"" + revision + "\" is not a git revision");
        }
        Path top = Path.of(git(rules.root(), "rev-parse", "--show-toplevel").strip());
        String rulesPath = relative(top, rules);
        String dataPath = relative(top, data);
        Path copy;
        try {
            copy = Files.createTempDirectory("dbpick-against-");
            Path archive = copy.resolve("knowledge.tar");
            run(top, "git", "archive", "--format=tar", "-o", archive.toString(), revision, "--", rulesPath, dataPath);
            run(copy, "tar", "-xf", archive.toString());
            Files.delete(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnowledgeAtRevision(copy, folder(copy, rulesPath, revision), folder(copy, dataPath, revision));
    }

    public KnowledgeFolder rules() {
        return rules;
    }

    public KnowledgeFolder data() {
        return data;
    }

    @Override
    public void close() {
        try {
            Folders.delete(copy);
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing the report for
        }
    }

    private static KnowledgeFolder folder(Path copy, String path, String revision) {
        Path root = copy.resolve(path);
        if (!Files.isDirectory(root)) {
            throw new KnowledgeException(revision + " has no " + path + "/ folder");
        }
        return new KnowledgeFolder(path + "@" + revision, root);
    }

    private static String relative(Path top, KnowledgeFolder folder) {
        Path root = folder.root().toAbsolutePath().normalize();
        try {
            root = root.toRealPath();
            top = top.toRealPath();
        } catch (IOException | UnsupportedOperationException e) {
            throw new KnowledgeException(folder.label() + ": not a folder in a git repository, so there is no revision to compare with");
        }
        if (!root.startsWith(top)) {
            throw new KnowledgeException(folder.label() + " is outside the git repository " + top);
        }
        return top.relativize(root).toString().replace('\\', '/');
    }

    private static String git(Path directory, String... args) {
        if (directory.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            throw new KnowledgeException(directory + ": the bundled knowledge has no revisions; use --rules and --data of a git checkout");
        }
        return run(directory, Stream.concat(Stream.of("git"), Stream.of(args)).toArray(String[]::new));
    }

    /** Runs a command in {@code directory}; its output, or a one-line error naming it. */
    private static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KnowledgeException(command[0] + " " + command[1] + " took longer than " + GIT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new KnowledgeException(command[0] + " " + command[1] + ": "
                        + text.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + process.exitValue()));
            }
            return text;
        } catch (IOException e) {
            throw new KnowledgeException(command[0] + ": cannot run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KnowledgeException(command[0] + ": interrupted");
        }
    }
}
