package dev.dbpick.refresh;

import static dev.dbpick.refresh.LoopbackServer.json;
import static dev.dbpick.refresh.LoopbackServer.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh's HTTP manners, against recorded answers on loopback. */
class RefreshClientTest {

    static final Clock DEC_2 = Clock.fixed(Instant.parse("2026-12-02T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path cacheFolder;

    private final LoopbackServer server = LoopbackServer.start();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private PoliteClient client(boolean offline, Clock clock) {
        return new PoliteClient(ResponseCache.in(cacheFolder.resolve("refresh")), Duration.ofSeconds(5), 1000,
                PoliteClient.userAgent("1.2.3", "https://example.org/dbpick"), offline, clock, waits::add);
    }

    @Test
    void everyRequestNamesDbpickItsVersionAndTheProjectUrl() throws FetchException {
        server.on("GET", "/pypi/sqlalchemy/json", json("pypi/sqlalchemy.json"));
        client(false, DEC_2).get(server.url() + "/pypi/sqlalchemy/json");
        assertEquals("dbpick/1.2.3 (+https://example.org/dbpick)", server.requests().get(0).header("User-Agent"));
        assertEquals("application/json", server.requests().get(0).header("Accept"));
    }

    @Test
    void aRateLimitedRequestIsRetriedAfterTheWaitTheServerAsksFor() throws FetchException {
        server.on("GET", "/x", status(429).withHeader("Retry-After", "2"), json("osv/none.json"));
        PoliteClient.Answer answer = client(false, DEC_2).get(server.url() + "/x");
        assertEquals("{}", answer.text());
        assertEquals(2, server.requests().size());
        assertTrue(waits.contains(Duration.ofSeconds(2)), waits::toString);
    }

    @Test
    void aRetryAfterDateIsHonouredToo() throws FetchException {
        server.on("GET", "/x", status(503).withHeader("Retry-After", "Wed, 02 Dec 2026 07:00:05 GMT"), json("osv/none.json"));
        client(false, DEC_2).get(server.url() + "/x");
        assertTrue(waits.contains(Duration.ofSeconds(5)), waits::toString);
    }

    @Test
    void serverErrorsAreRetriedThreeTimesThenTheRequestFails() {
        server.on("GET", "/x", status(503));
        FetchException e = assertThrows(FetchException.class, () -> client(false, DEC_2).get(server.url() + "/x"));
        assertEquals(FetchException.Kind.GAVE_UP, e.kind());
        assertEquals(4, server.requests().size());
        assertTrue(e.getMessage().contains("HTTP 503 after 3 retries"), e.getMessage());
        assertTrue(waits.containsAll(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))), waits::toString);
    }

    @Test
    void aWaitLongerThanDbpickWaitsIsAFailureNotAnHourOfSleep() {
        server.on("GET", "/x", status(429).withHeader("Retry-After", "3600"));
        FetchException e = assertThrows(FetchException.class, () -> client(false, DEC_2).get(server.url() + "/x"));
        assertTrue(e.getMessage().contains("asked to wait 3600 s"), e.getMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aSecondRequestIsConditionalAndA304AnswersFromTheCache() throws FetchException {
        server.on("GET", "/pypi/sqlalchemy/json", json("pypi/sqlalchemy.json").withEtag("\"r-31234567\""));
        PoliteClient client = client(false, DEC_2);
        byte[] first = client.get(server.url() + "/pypi/sqlalchemy/json").body();
        PoliteClient.Answer second = client.get(server.url() + "/pypi/sqlalchemy/json");
        assertEquals("\"r-31234567\"", server.requests().get(1).header("If-None-Match"));
        assertNull(server.requests().get(0).header("If-None-Match"));
        assertArrayEquals(first, second.body());
        assertEquals(LocalDate.of(2026, 12, 2), second.fetched());
    }

    @Test
    void aNotFoundPackageIsSaidAsSuch() {
        FetchException e = assertThrows(FetchException.class, () -> client(false, DEC_2).get(server.url() + "/pypi/gone/json"));
        assertEquals(FetchException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        server.on("GET", "/slow", json("osv/none.json").after(Duration.ofSeconds(30)));
        FetchException e = assertThrows(FetchException.class, () -> client(false, DEC_2).get(server.url() + "/slow"));
        assertEquals(FetchException.Kind.TIMEOUT, e.kind());
    }

    @Test
    void anUnreachableSourceSaysSoAndIsNotRetried() {
        String closed = server.url();
        server.close();
        FetchException e = assertThrows(FetchException.class, () -> client(false, DEC_2).get(closed + "/x"));
        assertEquals(FetchException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.sourceDown());
    }

    @Test
    void offlineAnswersComeFromTheCacheWithTheirOwnDate() throws FetchException {
        server.on("POST", "/v1/query", json("osv/sqlalchemy.json"));
        client(false, Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC)).post(server.url() + "/v1/query", "{\"a\":1}");
        PoliteClient.Answer offline = client(true, DEC_2).post(server.url() + "/v1/query", "{\"a\":1}");
        assertEquals(1, server.requests().size());
        assertEquals(LocalDate.of(2026, 11, 20), offline.fetched());
        FetchException e = assertThrows(FetchException.class, () -> client(true, DEC_2).post(server.url() + "/v1/query", "{\"b\":1}"));
        assertEquals(FetchException.Kind.NOT_CACHED, e.kind());
    }

    @Test
    void theCacheIsReadableByItsOwnerOnly() throws Exception {
        server.on("GET", "/x", json("osv/none.json"));
        client(false, DEC_2).get(server.url() + "/x");
        Path folder = cacheFolder.resolve("refresh");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
    }

    @Test
    void requestsGoOneAfterAnotherAtTheSetPace() throws FetchException {
        server.on("GET", "/x", json("osv/none.json"));
        PoliteClient slow = new PoliteClient(ResponseCache.disabled(), Duration.ofSeconds(2), 2, "dbpick/test (+x)", false, DEC_2,
                waits::add);
        slow.get(server.url() + "/x");
        slow.get(server.url() + "/x");
        assertEquals(1, waits.size());
        // The wait is what is left of the 500 ms slot after the first request: a busy machine
        // may spend most of it on that request, so only its bounds are certain.
        assertTrue(waits.get(0).toMillis() > 0 && waits.get(0).toMillis() <= 500, waits::toString);
    }
}
