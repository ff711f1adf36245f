package dev.dbpick.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with an environment of its own: nothing inherited, and a PATH of a few shell
 * tools only, so no Java can be found on it unless given.
 */
final class Sandbox {

    /** What the launcher and a shell need; never java. */
    private static final List<String> TOOLS = List.of("bash", "sh", "dirname", "readlink", "sed", "cut", "cksum", "stat",
            "find", "mkdir", "rm", "rmdir", "mv", "cp", "chmod", "basename", "cat", "env", "sleep", "tar", "gzip");

    private Sandbox() {
    }

    /**
     * A folder of links to the shell tools, to be the whole PATH: target/it-tools, made once
     * (outside the tests' temporary folders, whose clean-up warns about every link).
     */
    static Path tools() throws IOException {
        Path folder = Path.of("target", "it-tools").toAbsolutePath();
        Files.createDirectories(folder);
        for (String tool : TOOLS) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path found = Path.of(dir, tool);
                if (Files.isExecutable(found) && !Files.exists(folder.resolve(tool), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createSymbolicLink(folder.resolve(tool), found.toRealPath());
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // Made meanwhile; the same link.
                    }
                }
            }
        }
        return folder;
    }

    /** A process builder with exactly this environment. */
    static ProcessBuilder builder(Map<String, String> environment, Path directory, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs to the end (at most ten minutes) and returns the outcome. */
    static JarRun.Outcome run(ProcessBuilder builder) {
        try {
            Path out = Files.createTempFile("dbpick-out", ".txt");
            Path err = Files.createTempFile("dbpick-err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + builder.command());
            }
            JarRun.Outcome outcome = new JarRun.Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
