package dev.dbpick.bench;

import dev.dbpick.GeneratedProfiles;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.profile.Profile;
import dev.dbpick.render.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for a running {@code dbpick serve} on loopback: C connections,
 * each sending its next request when the last answer arrives. It measures GET /health and then
 * POST /api/v1/recommendations with a different profile per request (1,000 generated profiles,
 * seeded, in rotation), optionally with {@code include} (the what-if explanations) on every POST,
 * and optionally forcing reloads of the knowledge during the second phase.
 * Given the service's process id it also reports the server's CPU time per POST and its resident
 * memory at the start, at the end and at its peak.
 *
 * <p>Usage: {@code LoadGenerator BASE_URL [requests=100000] [connections=32] [reloads=0]
 * [adminToken|-] [servicePid] [include|-]}; run through {@code src/bench/service-load.sh}.
 * Loopback only.
 */
public final class LoadGenerator {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to loopback, not " + base.getHost());
        }
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int reloads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String token = args.length > 4 && !"-".equals(args[4]) ? args[4] : null;
        long pid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        String include = args.length > 6 && !"-".equals(args[6]) ? args[6] : null;
        String recommendations = "/api/v1/recommendations" + (include == null ? "" : "?include=" + include);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

        List<HttpRequest> health = List.of(HttpRequest.newBuilder(base.resolve("/health")).timeout(TIMEOUT).GET().build());
        List<HttpRequest> recommend = new ArrayList<>();
        Data data = Data.read(new KnowledgeFolder("data", Path.of("data")));
        for (Profile profile : GeneratedProfiles.of(data.questionnaire(), 1000, 7, false)) {
            recommend.add(HttpRequest.newBuilder(base.resolve(recommendations)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.compact(profile))).build());
        }
        HttpRequest reload = token == null ? null
                : HttpRequest.newBuilder(base.resolve("/api/v1/knowledge/reload")).timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();

        long startRss = memory(pid, "VmRSS");
        run(client, health, requests / 10, connections, 0, null);       // warm-up
        run(client, recommend, requests / 10, connections, 0, null);    // warm-up
        Phase healthPhase = run(client, health, requests, connections, 0, null);
        long[] cpuBefore = cpuTicks(pid);
        Map<String, Long> threadsBefore = threadTicks(pid);
        Phase recommendPhase = run(client, recommend, requests, connections, token == null ? 0 : reloads, reload);
        long[] cpuAfter = cpuTicks(pid);
        Map<String, Long> threadsAfter = threadTicks(pid);
        System.out.println(healthPhase.report("GET /health"));
        System.out.println(recommendPhase.report("POST " + recommendations));
        System.out.printf("ratio POST/GET: %.2f%n", recommendPhase.perSecond() / healthPhase.perSecond());
        if (pid > 0) {
            double ticksPerSecond = 100.0;   // USER_HZ on Linux
            System.out.printf("server CPU per POST: %.0f us (user+system, over %,d requests; system %.0f us)%n",
                    (cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) / ticksPerSecond * 1e6 / requests, requests,
                    (cpuAfter[1] - cpuBefore[1]) / ticksPerSecond * 1e6 / requests);
            System.out.println("server CPU per POST by thread: " + byThread(threadsBefore, threadsAfter, requests));
            System.out.printf("service resident memory: start %d MiB, end %d MiB, peak %d MiB%n",
                    startRss >> 10, memory(pid, "VmRSS") >> 10, memory(pid, "VmHWM") >> 10);
        }
        if (healthPhase.errors > 0 || recommendPhase.errors > 0 || recommendPhase.reloadFailures > 0) {
            System.exit(1);
        }
    }

    /** A line of /proc/PID/status, in KiB; -1 when unknown. */
    private static long memory(long pid, String field) throws IOException {
        if (pid <= 0) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /**
     * User and system (kernel: system calls, the scheduling of its threads) CPU time of a process
     * so far, in clock ticks, from one read of /proc/PID/stat (fields 14 and 15); zeros when unknown.
     */
    private static long[] cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return new long[2];
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /**
     * CPU clock ticks of a process's live threads so far, summed by thread name with digits
     * dropped ("C2 CompilerThre", "default-nioEventLoopGroup-", "io-executor-thread-", ...).
     * Threads that ended in between are not counted.
     */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new TreeMap<>();
        if (pid <= 0) {
            return ticks;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read
                }
            }
        } catch (IOException unreadable) {
            // no per-thread figures on this system
        }
        return ticks;
    }

    private static String byThread(Map<String, Long> before, Map<String, Long> after, int requests) {
        StringBuilder line = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format("%s%s %.0f us", line.length() == 0 ? "" : ", ",
                        e.getKey(), e.getValue() / 100.0 * 1e6 / requests)));
        return line.toString();
    }

    private record Phase(int requests, long errors, long nanos, long[] latencies, int reloads, int reloadFailures) {

        double perSecond() {
            return requests / (nanos / 1e9);
        }

        String report(String what) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return String.format("%-30s %,9d requests  %,9.0f req/s  p50 %.2f ms  p99 %.2f ms  max %.1f ms  errors %d%s",
                    what, requests, perSecond(), percentile(sorted, 50), percentile(sorted, 99),
                    sorted[sorted.length - 1] / 1e6, errors,
                    reloads > 0 ? String.format("  reloads %d (failed %d)", reloads, reloadFailures) : "");
        }

        private static double percentile(long[] sorted, double p) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
        }
    }

    private static Phase run(HttpClient client, List<HttpRequest> requestsInTurn, int requests, int connections, int reloads,
                             HttpRequest reload) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(connections + 1);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest request = requestsInTurn.get(i % requestsInTurn.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        AtomicInteger reloadFailures = new AtomicInteger();
        Future<?> reloader = pool.submit(() -> {
            for (int r = 0; r < reloads; r++) {
                while (next.get() < (long) requests * (r + 1) / (reloads + 1)) {
                    Thread.sleep(5);
                }
                HttpResponse<String> response = client.send(reload, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    reloadFailures.incrementAndGet();
                }
            }
            return null;
        });
        for (Future<?> worker : workers) {
            worker.get();
        }
        long nanos = System.nanoTime() - start;
        reloader.get();
        pool.shutdown();
        return new Phase(requests, errors.get(), nanos, latencies, reloads, reloadFailures.get());
    }
}
