package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained distribution, unpacked into a temporary folder and run as a Python team
 * would: with no Java on the PATH and no JAVA_HOME.
 */
class DistributionIT {

    private static final Path TARBALL = Path.of(System.getProperty("dbpick.dist",
            "target/dbpick-0.1.0-SNAPSHOT-linux-x64.tar.gz")).toAbsolutePath();
    private static final Path FASTAPI = Path.of("src/test/resources/fixtures/projects/good/fastapi-poetry").toAbsolutePath();

    @TempDir
    static Path folder;

    private static Path dbpick;
    private static Map<String, String> environment;

    @BeforeAll
    static void unpack() throws IOException {
        Path tools = Sandbox.tools();
        environment = Map.of("PATH", tools.toString(), "HOME", folder.toString(),
                "DBPICK_CACHE_DIR", folder.resolve("cache").toString());
        JarRun.Outcome untar = Sandbox.run(Sandbox.builder(environment, folder, List.of(tools.resolve("tar").toString(),
                "xzf", TARBALL.toString())));
        assertEquals(0, untar.code(), untar::toString);
        try (Stream<Path> unpacked = Files.list(folder)) {
            Path home = unpacked.filter(p -> p.getFileName().toString().startsWith("dbpick-")).findFirst().orElseThrow();
            dbpick = home.resolve("bin/dbpick");
        }
    }

    private static JarRun.Outcome dbpick(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(dbpick.toString()));
        command.addAll(List.of(args));
        return Sandbox.run(Sandbox.builder(environment, folder, command));
    }

    @Test
    void theSandboxHasNoJava() throws IOException {
        JarRun.Outcome which = Sandbox.run(Sandbox.builder(environment, folder, List.of(
                Sandbox.tools().resolve("bash").toString(), "-c", "command -v java; echo \"JAVA_HOME=${JAVA_HOME:-}\"")));
        assertEquals("JAVA_HOME=\n", which.out(), which::toString);
    }

    @Test
    void itIsUnderEightyMegabytesUnpacked() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(dbpick.getParent().getParent())) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes < 80L * 1024 * 1024, bytes + " bytes");
    }

    @Test
    void recommendRunsOnTheBundledRuntime() throws IOException {
        JarRun.Outcome run = dbpick("recommend", "--database", "postgresql", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        assertTrue(Mappers.json().readTree(run.out()).get("recommendations").size() > 0, run::toString);
    }

    @Test
    void recommendReadsAProject() throws IOException {
        JarRun.Outcome run = dbpick("recommend", "--project", FASTAPI.toString(), "--format", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode profile = Mappers.json().readTree(run.out()).get("profile");
        assertEquals("fastapi", profile.get("framework").asText());
        assertTrue(run.err().contains("from pyproject.toml:11: framework=fastapi"), run::toString);
    }

    @Test
    void serveAnswersHealth() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process serve = Sandbox.builder(environment, folder, List.of(dbpick.toString(), "serve", "--port", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(folder.resolve("serve.log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (response == null && System.nanoTime() < deadline && serve.isAlive()) {
                try {
                    response = client.send(health, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertNotEquals(null, response, () -> "no answer; log:\n" + read(folder.resolve("serve.log")));
            assertEquals(200, response.statusCode(), response::body);
            assertTrue(response.body().contains("\"UP\""), response.body());
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
