package dev.dbpick.refresh;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Recorded answers served on loopback (the JDK's HTTP server), so no test reaches the internet:
 * each route answers with its replies in turn (the last one repeats), honours If-None-Match for
 * a reply that carries an ETag, and records every request. Anything else is a 404.
 */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Request(String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One answer: a status, headers, a body, an optional ETag, and how long to wait before answering. */
    public record Reply(int status, Map<String, String> headers, byte[] body, String etag, Duration delay) {

        public Reply withEtag(String tag) {
            return new Reply(status, headers, body, tag, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, body, etag, wait);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, etag, delay);
        }
    }

    private record Route(String method, String path, String bodyContains, List<Reply> replies, int[] served) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    public static LoopbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackServer loopback = new LoopbackServer(server);
            server.createContext("/", loopback::handle);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with these replies in turn. */
    public LoopbackServer on(String method, String path, Reply... replies) {
        return on(method, path, null, replies);
    }

    /** Answers {@code method path} whose body contains {@code bodyContains} with these replies in turn. */
    public LoopbackServer on(String method, String path, String bodyContains, Reply... replies) {
        routes.add(0, new Route(method, path, bodyContains, List.of(replies), new int[1]));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** 200 with a recorded answer from {@code src/test/resources/refresh/}. */
    public static Reply json(String resource) {
        try (InputStream in = LoopbackServer.class.getResourceAsStream("/refresh/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + resource);
            }
            return new Reply(200, Map.of("Content-Type", "application/json"), in.readAllBytes(), null, Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status with a short JSON body. */
    public static Reply status(int status) {
        return new Reply(status, Map.of("Content-Type", "application/json"),
                ("{\"message\": \"status " + status + "\"}").getBytes(StandardCharsets.UTF_8), null, Duration.ZERO);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(exchange.getRequestMethod(), path, Map.copyOf(headers), body);
            requests.add(request);
            Reply reply = status(404);
            for (Route route : routes) {
                if (route.method().equals(request.method()) && route.path().equals(path)
                        && (route.bodyContains() == null || body.contains(route.bodyContains()))) {
                    synchronized (route) {
                        reply = route.replies().get(Math.min(route.served()[0], route.replies().size() - 1));
                        route.served()[0]++;
                    }
                    break;
                }
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.etag() != null) {
                exchange.getResponseHeaders().add("ETag", reply.etag());
                if (reply.etag().equals(request.header("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a timeout test): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** The routes of the usual recorded answers: sqlalchemy, psycopg, django, sqlmodel, and the ranking. */
    public LoopbackServer withRecordedAnswers() {
        on("GET", "/pypi/sqlalchemy/json", json("pypi/sqlalchemy.json"));
        on("GET", "/pypi/psycopg/json", json("pypi/psycopg.json"));
        on("GET", "/pypi/django/json", json("pypi/django.json"));
        on("GET", "/pypi/django/5.2.10/json", json("pypi/django-5.2.10.json"));
        on("GET", "/pypi/sqlmodel/json", json("pypi/sqlmodel.json"));
        on("POST", "/v1/query", json("osv/none.json"));
        on("POST", "/v1/query", "\"sqlalchemy\"", json("osv/sqlalchemy.json"));
        on("POST", "/v1/query", "\"django\"", json("osv/django-page1.json"));
        on("POST", "/v1/query", "CiQKF3B5cGktZGphbmdvLTIwMjYtMTEtMzASCQoHMjAyNi4xMQ", json("osv/django-page2.json"));
        on("GET", "/top-pypi-packages.min.json", json("downloads/top-pypi-packages.min.json"));
        return this;
    }

    /** A list of the paths asked for, in order. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        requests.forEach(r -> paths.add(r.method() + " " + r.path()));
        return paths;
    }
}
