package dev.dbpick.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/dbpick.jar} as a user would, in a chosen working directory. */
final class JarRun {

    /** What a run left behind. */
    record Outcome(int code, String out, String err) {

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static final Path JAR = Path.of(System.getProperty("dbpick.jar", "target/dbpick.jar")).toAbsolutePath();

    private JarRun() {
    }

    static Outcome in(Path workingDirectory, String stdin, String... args) {
        return in(workingDirectory, stdin, java.util.Map.of(), args);
    }

    /** Runs with extra environment variables. */
    static Outcome in(Path workingDirectory, String stdin, java.util.Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("dbpick-out", ".txt");
            Path err = Files.createTempFile("dbpick-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("DBPICK_CACHE_DIR", cacheDirectory().toString());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dbpick did not finish: " + args);
            }
            Outcome outcome = new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
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

    /** Runs in the repository, where ./rules and ./data are the knowledge used. */
    static Outcome run(String... args) {
        return in(Path.of("").toAbsolutePath(), null, args);
    }

    private static Path cacheDirectory() throws IOException {
        Path dir = Path.of("target", "it-cache").toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }
}
