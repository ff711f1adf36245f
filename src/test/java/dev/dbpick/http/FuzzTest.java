package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer against the in-process service: 12,000 requests built from valid
 * profiles by flipping, inserting, deleting and repeating bytes, swapping values for other
 * types, deep nesting and huge strings, with odd content types, character sets, query
 * parameters, paths and methods. Every answer must be below 500; every error must be problem
 * details; no body may name a Java class or package. The same seed gives the same requests.
 */
class FuzzTest extends ServiceTest {

    private static final int REQUESTS = 12_000;
    private static final long SEED = 20261126L;
    private static final Pattern PACKAGE = Pattern.compile("\\b(java|javax|jakarta|io\\.micronaut|io\\.netty|com\\.fasterxml"
            + "|org\\.drools|org\\.kie|org\\.mvel2|org\\.yaml|dev\\.dbpick)\\.[a-zA-Z]");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\\b|Exception\\b|\\tat ");
    /**
     * What an error echoes of the request: quoted text in the detail, and the field and instance
     * members. A mutated field name such as NaNsharedBy looks like a class name but is the
     * client's own text, so the class-name check skips it.
     */
    private static final Pattern ECHOED = Pattern.compile("\\\\\".*?\\\\\"|\"(?:field|instance)\":\"(?:[^\"\\\\]|\\\\.)*\"");

    private static final List<String> SEEDS = List.of(
            "{}",
            "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}",
            "{\"purpose\":\"cache\",\"sharedBy\":\"one-host\",\"python\":\"3.13\"}",
            "{\"purpose\":\"stack\",\"databases\":[\"postgresql\",\"redis\"],\"async\":\"required\"}",
            "{\"databases\":[\"mysql\"],\"alreadyUses\":[\"pydantic\"],\"priorities\":[\"performance\",\"maturity\"],"
                    + "\"constraints\":{\"permissiveLicense\":true,\"migrations\":true}}",
            "{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=bogus", "application/json; charset=\"utf-16\"", "application/json; charset=",
            "application/json; charset=ISO-8859-1", "application/json;;;", "text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/problem+json", "*/*", "application/json; charset=b@d!",
            "", "application/" + "x".repeat(300), "application/json; charset=utf-32", "application/json\u0000");
    private static final List<String> PATHS = List.of("/api/v1/recommendations", "/api/v1/why-not/sqlmodel",
            "/api/v1/why-not/%s", "/api/v1/compare", "/api/v1/catalog/%s", "/api/v1/catalog", "/api/v1/questionnaire",
            "/api/v1/knowledge", "/health", "/api/v1/%s", "/api/v1/knowledge/reload");
    private static final List<String> METHODS = List.of("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH");

    private final Random random = new Random(SEED);

    @Test
    void noMutatedRequestGetsA5xxAClassNameOrAnErrorThatIsNotProblemDetails() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI base = server.getURI();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HttpRequest request = request(base);
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.add(request.method() + " " + request.uri() + ": connection failed: " + e.getMessage());
                continue;
            }
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(response);
            if (problem != null) {
                failures.add(request.method() + " " + shorten(request.uri().toString()) + " "
                        + request.headers().firstValue("Content-Type").orElse("") + ": " + problem);
            }
        }
        System.out.println("fuzz: " + REQUESTS + " requests by status " + byStatus);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, the first:\n" + String.join("\n", failures));
        assertTrue(byStatus.getOrDefault(200, 0) > 500, "enough valid requests got through: " + byStatus);
        assertTrue(byStatus.getOrDefault(400, 0) > 1000, "enough invalid requests were refused: " + byStatus);
    }

    /** What is wrong with an answer, or null. */
    private static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "status " + status + ": " + shorten(body);
        }
        if (PACKAGE.matcher(body).find()) {
            return "a Java package in the body: " + shorten(body);
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "status " + status + " as " + type + ", not problem details: " + shorten(body);
            }
            if (CLASS_NAME.matcher(ECHOED.matcher(body).replaceAll("")).find()) {
                return "a class name in the error: " + shorten(body);
            }
            try {
                JsonNode problem = Mappers.json().readTree(body);
                if (problem.get("status") == null || problem.get("status").asInt() != status || !problem.hasNonNull("detail")) {
                    return "incomplete problem details: " + shorten(body);
                }
            } catch (IOException e) {
                return "problem details that are not JSON: " + shorten(body);
            }
        }
        return null;
    }

    private HttpRequest request(URI base) {
        String path = pick(PATHS);
        if (path.contains("%s")) {
            path = String.format(path, URLEncoder.encode(randomText(random.nextInt(60)), StandardCharsets.UTF_8));
        }
        String query = query(path);
        String body = mutate(pick(SEEDS));
        boolean read = path.startsWith("/health") || path.equals("/api/v1/catalog") || path.startsWith("/api/v1/catalog/")
                || path.equals("/api/v1/questionnaire") || path.equals("/api/v1/knowledge");
        String method = random.nextInt(6) == 0 ? pick(METHODS) : read ? "GET" : "POST";
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path + query)).timeout(Duration.ofSeconds(30));
        String contentType = random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : "application/json";
        if (!contentType.isEmpty() && contentType.chars().noneMatch(c -> c < 32)) {
            builder.header("Content-Type", contentType);
        }
        if (random.nextInt(20) == 0) {
            builder.header("Accept", random.nextBoolean() ? "text/markdown" : "application/xml");
        }
        if (random.nextInt(40) == 0) {
            builder.header("Authorization", "Bearer " + randomText(20).replaceAll("[^ -~]", "x"));
        }
        byte[] bytes = random.nextInt(10) == 0 ? latin1(body) : body.getBytes(StandardCharsets.UTF_8);
        return switch (method) {
            case "GET", "DELETE" -> builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
            default -> builder.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        };
    }

    private String query(String path) {
        List<String> parameters = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            parameters.add("top=" + pick(List.of("0", "3", "-1", "abc", "99999999999", "1e3", "", "%202", "%00")));
        }
        if (random.nextInt(4) == 0) {
            parameters.add("asOf=" + pick(List.of("2026-11-26", "2024-02-29", "2023-02-29", "9999-12-31", "0001-01-01",
                    "26-11-2026", "", "yesterday", "2026-13-01")));
        }
        if (random.nextInt(8) == 0) {
            parameters.add("format=" + pick(List.of("adr", "json", "xml", "", "ADR")));
        }
        if (random.nextInt(8) == 0) {
            parameters.add("include=" + pick(List.of("pivots", "relaxations", "pivots,relaxations", "all", "none", "", "pivot",
                    "none,all", "pivots,", "ALL", "%00")));
        }
        if (path.contains("compare") || random.nextInt(15) == 0) {
            parameters.add("ids=" + pick(List.of("sqlalchemy,sqlmodel", "sqlalchemy", "a,b,c,d,e", "sqlalchemy,sqlalchemy",
                    "sqlalchemy,,sqlmodel", "", "psycopg,asyncpg,psycopg2,pg8000")));
        }
        if (random.nextInt(20) == 0) {
            parameters.add(URLEncoder.encode(randomText(8), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(randomText(8), StandardCharsets.UTF_8));
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private String mutate(String seed) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            switch (random.nextInt(10)) {
                case 0 -> text.insert(at, randomText(1 + random.nextInt(5)));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 2 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(20));
                    text.insert(at, text.substring(at, end));
                }
                case 3 -> text.setLength(at);
                case 4 -> text.insert(at, pick(List.of("null", "true", "1e309", "-0", "[]", "{}", "\"\"", "[[[[[[", "}}}}",
                        "\"\\ud800\"", "\"\\u0000\"", "NaN", ",", ":", "\"" + "x".repeat(70_000) + "\"")));
                case 5 -> text.replace(0, text.length(), pick(List.of("[" .repeat(5000), "{\"a\":".repeat(3000),
                        "{\"databases\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "\"just a string\"", "42", "")));
                case 6 -> text.replace(0, text.length(), seed.replaceFirst("\"(postgresql|cache|required|3.13|mysql)\"",
                        pick(List.of("1", "true", "null", "[\"postgresql\"]", "{\"x\":1}", "\"POSTGRESQL\"", "\"postgres\""))));
                case 7 -> text.insert(at, "\"unknown" + random.nextInt(99) + "\":1,");
                case 8 -> {
                    if (text.length() > 0) {
                        text.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                default -> text.append(randomText(random.nextInt(10)));
            }
        }
        return text.toString();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            text.append((char) switch (kind) {
                case 0 -> random.nextInt(32);
                case 1 -> "{}[]\":,\\/'<>&%".charAt(random.nextInt(14));
                case 2 -> 0x80 + random.nextInt(0x2000);
                default -> 'a' + random.nextInt(26);
            });
        }
        return text.toString();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
