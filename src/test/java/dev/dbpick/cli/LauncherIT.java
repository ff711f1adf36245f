package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/dbpick in a clone builds the jar when it is missing or older than the sources. The clone
 * here is a copy of the launcher with a stand-in ./mvnw that records its arguments and puts
 * the real jar in place, so the test takes seconds, not a build.
 */
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("dbpick.jar", "target/dbpick.jar")).toAbsolutePath();

    @TempDir
    Path clone;

    private Map<String, String> environment;

    @BeforeEach
    void aClone() throws IOException {
        Files.createDirectories(clone.resolve("bin"));
        Files.copy(Path.of("bin/dbpick"), clone.resolve("bin/dbpick"));
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(clone.resolve("src/main/java"));
        Files.writeString(clone.resolve("src/main/java/Source.java"), "class Source {}\n");
        Files.writeString(clone.resolve("mvnw"), """
                #!/bin/sh
                echo "$@" >> mvnw.calls
                [ -n "${FAIL_BUILD:-}" ] && { echo "compilation failed" >&2; exit 1; }
                mkdir -p target && cp "$REAL_JAR" target/dbpick.jar
                """);
        Files.setPosixFilePermissions(clone.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(clone.resolve("bin/dbpick"), PosixFilePermissions.fromString("rwxr-xr-x"));
        environment = new HashMap<>(Map.of("PATH", Sandbox.tools().toString(), "HOME", clone.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "REAL_JAR", JAR.toString(),
                "DBPICK_CACHE_DIR", clone.resolve("cache").toString(), "DBPICK_NO_ARCHIVE", "1"));
    }

    private JarRun.Outcome dbpick(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(clone.resolve("bin/dbpick").toString()));
        command.addAll(List.of(args));
        return Sandbox.run(Sandbox.builder(environment, clone, command));
    }

    @Test
    void aMissingJarIsBuiltOnceWithOneLineSayingSo() throws IOException {
        JarRun.Outcome first = dbpick("--version");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().startsWith("dbpick: target/dbpick.jar is missing; building it with ./mvnw"), first::toString);
        assertEquals(1, first.err().lines().count(), first::toString);
        assertTrue(Files.readString(clone.resolve("mvnw.calls")).contains("package -DskipTests -Ddist.skip=true"));
        JarRun.Outcome second = dbpick("--version");
        assertEquals(0, second.code(), second::toString);
        assertEquals("", second.err());
        assertEquals(1, Files.readAllLines(clone.resolve("mvnw.calls")).size());
    }

    @Test
    void aJarOlderThanTheSourcesIsBuiltAgain() throws IOException {
        assertEquals(0, dbpick("--version").code());
        Files.setLastModifiedTime(clone.resolve("src/main/java/Source.java"), FileTime.from(Instant.now().plusSeconds(60)));
        JarRun.Outcome run = dbpick("--version");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().startsWith("dbpick: target/dbpick.jar is older than the sources; building it"), run::toString);
    }

    @Test
    void aFailedBuildSaysWhereItsLogIs() {
        environment.put("FAIL_BUILD", "1");
        JarRun.Outcome run = dbpick("--version");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("dbpick: the build failed; see " + realPath(clone) + "/target/dbpick-build.log"),
                run::toString);
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toString();
        }
    }
}
