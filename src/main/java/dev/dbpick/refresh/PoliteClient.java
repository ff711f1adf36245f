package dev.dbpick.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one way the refresh talks to its sources: requests in series, no more than a set number
 * per second; a User-Agent naming dbpick, its version and the project's URL; a timeout per
 * request; 429 and 5xx answers retried at most {@value #RETRIES} times, after the wait the
 * server asks for in {@code Retry-After} (else 1, 2, 4 seconds); GET answers cached with their
 * ETag and asked for again with {@code If-None-Match}; offline, answers come from the cache only.
 */
final class PoliteClient {

    static final int RETRIES = 3;
    /** Longer than this and a Retry-After is not waited for: the source counts as failed this run. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(120);
    /** Largest answer read; the index's document of a package with thousands of releases is a few MiB. */
    static final int MAX_BODY = 64 << 20;

    /** Waits; tests record the waits instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** An answer: the body, the date it was fetched (earlier than today when it came from an offline cache). */
    record Answer(byte[] body, LocalDate fetched) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http;
    private final ResponseCache cache;
    private final Duration timeout;
    private final Duration spacing;
    private final String userAgent;
    private final boolean offline;
    private final Clock clock;
    private final Sleeper sleeper;
    private long lastStart = Long.MIN_VALUE;
    private int requests;

    PoliteClient(ResponseCache cache, Duration timeout, double requestsPerSecond, String userAgent, boolean offline,
                 Clock clock, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.cache = cache;
        this.timeout = timeout;
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        this.userAgent = userAgent;
        this.offline = offline;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The User-Agent of every request: {@code dbpick/VERSION (+PROJECT_URL)}. */
    static String userAgent(String version, String projectUrl) {
        return "dbpick/" + (version == null ? "dev" : version) + " (+" + projectUrl + ")";
    }

    /** How many requests went out (retries included). */
    int requests() {
        return requests;
    }

    Answer get(String url) throws FetchException {
        return send("GET", url, null);
    }

    /** A POST of a JSON body; cached for --offline, never conditional. */
    Answer post(String url, String json) throws FetchException {
        return send("POST", url, json);
    }

    private Answer send(String method, String url, String json) throws FetchException {
        String key = method + " " + url + (json == null ? "" : "\n" + json);
        Optional<ResponseCache.Entry> cached = cache.find(key);
        if (offline) {
            return cached.map(e -> new Answer(e.body(), e.fetched()))
                    .orElseThrow(() -> new FetchException(FetchException.Kind.NOT_CACHED, "no cached answer (--offline)"));
        }
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/json");
            if (json != null) {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                request.GET();
                cached.filter(e -> e.etag() != null).ifPresent(e -> request.header("If-None-Match", e.etag()));
            }
            HttpResponse<InputStream> response = exchange(request.build());
            int status = response.statusCode();
            LocalDate today = LocalDate.now(clock);
            if (status == 304 && cached.isPresent()) {
                drain(response);
                ResponseCache.Entry entry = cached.get();
                cache.store(key, new ResponseCache.Entry(url, entry.etag(), today, entry.body()));
                return new Answer(entry.body(), today);
            }
            if (status >= 200 && status < 300) {
                byte[] body = read(response);
                cache.store(key, new ResponseCache.Entry(url, response.headers().firstValue("ETag").orElse(null), today, body));
                return new Answer(body, today);
            }
            drain(response);
            if (status == 404 || status == 410) {
                throw new FetchException(FetchException.Kind.NOT_FOUND, "HTTP " + status + " (not found)");
            }
            if (status != 429 && status < 500) {
                throw new FetchException(FetchException.Kind.HTTP_ERROR, "HTTP " + status);
            }
            String what = status == 429 ? "rate limited (HTTP 429)" : "HTTP " + status;
            if (attempt == RETRIES) {
                throw new FetchException(FetchException.Kind.GAVE_UP, what + " after " + RETRIES + " retries");
            }
            Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null))
                    .orElse(Duration.ofSeconds(1L << attempt));
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw new FetchException(FetchException.Kind.GAVE_UP, what + "; asked to wait " + wait.toSeconds()
                        + " s, longer than dbpick waits (" + LONGEST_WAIT.toSeconds() + " s)");
            }
            pause(wait);
        }
    }

    private HttpResponse<InputStream> exchange(HttpRequest request) throws FetchException {
        waitForTurn();
        requests++;
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, "no connection within " + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, "cannot connect to " + request.uri().getHost()
                    + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : ""));
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, "connection failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, "interrupted");
        }
    }

    /** Requests in series, starting at most one per {@code spacing}. */
    private void waitForTurn() throws FetchException {
        long now = System.nanoTime();
        if (lastStart != Long.MIN_VALUE) {
            long due = lastStart + spacing.toNanos();
            if (due > now) {
                pause(Duration.ofNanos(due - now));
            }
        }
        lastStart = System.nanoTime();
    }

    private void pause(Duration duration) throws FetchException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, "interrupted");
        }
    }

    private byte[] read(HttpResponse<InputStream> response) throws FetchException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new FetchException(FetchException.Kind.MALFORMED, "answer larger than " + (MAX_BODY >> 20) + " MiB");
            }
            return body;
        } catch (HttpTimeoutException e) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no complete answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, "answer cut short: " + e.getMessage());
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(1 << 16);
        } catch (IOException e) {
            // Only the connection's reuse is lost.
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
