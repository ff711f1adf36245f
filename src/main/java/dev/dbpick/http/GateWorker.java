package dev.dbpick.http;

import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.scenario.Gate;
import dev.dbpick.support.Mappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm reload gate: one long-lived, lower-priority child JVM ({@link GateProcess#main}) that
 * checks the knowledge of each reload with code and caches already warm, so an edit goes live in
 * about a second instead of the ten a fresh JVM takes. What it proves is unchanged: the rules
 * compile, every value a rule tests for exists, every scenario holds, in a separate process with
 * the service's memory settings that is killed when a check passes its time limit.
 *
 * <p>A worker that is killed at its limit, dies (out of memory, a rule that exits the JVM, killed
 * from outside, even while idle) or has
 * made {@value #CHECKS_PER_WORKER} checks is replaced by a fresh one, which warms up on knowledge
 * known to pass ({@link #warmUpOn}) in the background ({@value #WARM_UP_CHECKS} checks, fewer when a reload waits,
 * which waits for the one under way). When a worker that had checked earlier knowledge dies
 * during a check, the check is made once more on a fresh worker, so what an earlier revision left
 * behind (classes not yet unloaded) never counts against a new one. Checks run one at a time.
 */
final class GateWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GateWorker.class);

    /** Checks one worker makes before a fresh one takes over, which bounds what it accumulates. */
    static final int CHECKS_PER_WORKER = 200;
    /** Checks a fresh worker makes to warm up: the first is cold, the fifth about as fast as any later. */
    static final int WARM_UP_CHECKS = 5;
    /**
     * The bundled knowledge cannot loop, and killing a cold worker that is slow only because the
     * machine is busy would waste its start: a warm-up check may take this many times the limit.
     */
    private static final int WARM_UP_LIMIT_FACTOR = 5;
    private static final int ERROR_TAIL = 16 * 1024;
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("OutOfMemoryError: ([^\\r\\n]+)");

    private final List<String> command;
    private final Path handover;
    /** Reloads waiting for a check, or making one. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Written under this object's lock; read without it by {@link #close}. */
    private volatile Child child;
    private volatile boolean closed;
    /** What a warm-up checks: knowledge known to pass, laid out as the reloads' is; the bundled knowledge until told. */
    private KnowledgeFolder[] warmUpOn = {KnowledgeFolder.bundled("rules"), KnowledgeFolder.bundled("data")};

    /**
     * A worker running {@code command} (see {@link GateProcess#command}), started on the first
     * check or {@link #warmUp}, that leaves the rules it compiled in {@code handover} (a private
     * folder of the service's; null for none).
     */
    GateWorker(List<String> command, Path handover) {
        this.command = List.copyOf(command);
        this.handover = handover;
    }

    /**
     * Checks the folders in the worker; a verdict that rejects when the time is up (the worker is
     * then killed and replaced) or the worker fails.
     */
    Gate.Verdict check(KnowledgeFolder rules, KnowledgeFolder data, Duration limit) {
        waiting.incrementAndGet();
        try {
            return check(rules, data, limit, true);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private synchronized Gate.Verdict check(KnowledgeFolder rules, KnowledgeFolder data, Duration limit, boolean replace) {
        Attempt attempt = attempt(rules, data, limit);
        if (attempt.died && attempt.reused) {
            LOG.info("the reload gate's worker died after earlier checks; checking once more on a fresh one");
            attempt = attempt(rules, data, limit);
        }
        if (attempt.died && replace && !closed) {
            warmUp(limit);
        }
        return attempt.verdict;
    }

    /**
     * Starts the worker, when none runs, and has it check the bundled knowledge once, in the
     * background, so the next reload finds its code warm.
     */
    void warmUp(Duration limit) {
        KnowledgeFolder[] folders = warmUpFolders();
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            Gate.Verdict verdict = null;
            // A reload waiting cuts the warm-up short: its own check warms the worker as well.
            for (int i = 0; i < WARM_UP_CHECKS && (verdict == null || verdict.passed() && waiting.get() == 0); i++) {
                verdict = check(folders[0], folders[1], limit.multipliedBy(WARM_UP_LIMIT_FACTOR), false);
            }
            if (verdict.passed()) {
                LOG.info("reload gate worker warm pid={} in {} ms", pid(), (System.nanoTime() - start) / 1_000_000);
            } else if (!isClosed()) {
                LOG.warn("the reload gate's worker did not warm up: {}", verdict.problems());
            }
        }, "dbpick-gate-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Warm-ups check these folders from now on (a private copy of knowledge that passed, read the
     * way the reloads' folders are), instead of the bundled knowledge inside the jar.
     */
    synchronized void warmUpOn(KnowledgeFolder rules, KnowledgeFolder data) {
        warmUpOn = new KnowledgeFolder[] {rules, data};
    }

    private synchronized KnowledgeFolder[] warmUpFolders() {
        return warmUpOn.clone();
    }

    /** The process id of the worker running now, or -1 (tests). */
    synchronized long pid() {
        return child != null && child.process.isAlive() ? child.process.pid() : -1;
    }

    private boolean isClosed() {
        return closed;
    }

    /** Kills the worker at once, even in the middle of a check (which is then rejected); no check starts after. */
    @Override
    public void close() {
        closed = true;
        Child running = child;
        if (running != null) {
            running.process.descendants().forEach(ProcessHandle::destroyForcibly);
            running.process.destroyForcibly();
        }
    }

    /** A worker that ended by itself while idle (not stopped here) is replaced at once, so the next reload finds one warm. */
    private synchronized void replaceWhenGone(Child ended, Duration limit) {
        if (child == ended && !closed) {
            child = null;
            LOG.warn("the reload gate's worker ended (exit code {}); starting another", ended.process.exitValue());
            warmUp(limit);
        }
    }

    /** One check; {@code died} when the worker is gone afterwards, {@code reused} when it had checked before. */
    private record Attempt(Gate.Verdict verdict, boolean died, boolean reused) {
    }

    private Attempt attempt(KnowledgeFolder rules, KnowledgeFolder data, Duration limit) {
        if (closed) {
            return new Attempt(GateProcess.rejected("the service is shutting down"), false, false);
        }
        if (child != null && (!child.process.isAlive() || child.checks >= CHECKS_PER_WORKER)) {
            stop();
        }
        if (child == null) {
            try {
                Child started = new Child(new ProcessBuilder(command).start());
                child = started;
                if (closed) {   // closed while it started
                    stop();
                    return new Attempt(GateProcess.rejected("the service is shutting down"), false, false);
                }
                started.process.onExit().thenRunAsync(() -> replaceWhenGone(started, limit),
                        task -> Child.daemon("dbpick-gate-replace", task));
            } catch (IOException e) {
                return new Attempt(GateProcess.rejected("the reload gate could not start a checking process: " + e.getMessage()),
                        false, false);
            }
        }
        Child worker = child;
        boolean reused = worker.checks > 0;
        worker.checks++;
        try {
            worker.clearErrors();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("rules", GateProcess.argument(rules));
            fields.put("data", GateProcess.argument(data));
            if (rules.team() != null) {   // the team's folder, laid over both as the service lays it
                fields.put("team", rules.team().root().toAbsolutePath().getParent().toString());
                fields.put("teamLabel", rules.team().label().substring(0, rules.team().label().lastIndexOf('/')));
            }
            if (handover != null) {
                fields.put("cache", handover.toString());
            }
            String request = Mappers.json().writeValueAsString(fields);
            OutputStream in = worker.process.getOutputStream();
            in.write((request.replace("\n", " ") + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line = worker.verdicts.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                stop();
                return new Attempt(GateProcess.rejected("the scenarios did not finish within " + limit.toSeconds()
                        + " s: a rule probably loops or burns CPU (dbpick.gate-timeout-seconds sets the limit)"), true, false);
            }
            if (line.equals(Child.ENDED)) {
                worker.process.waitFor(5, TimeUnit.SECONDS);
                Thread.sleep(50);   // the last lines of standard error
                String errors = worker.errors();
                stop();
                return new Attempt(failed(errors, worker.process), true, reused);
            }
            return new Attempt(Mappers.json().readValue(line, Gate.Verdict.class), false, reused);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            return new Attempt(GateProcess.rejected("the reload was interrupted"), true, false);
        } catch (IOException | RuntimeException e) {
            stop();
            return new Attempt(GateProcess.rejected("the checking process gave no verdict"), true, reused);
        }
    }

    private static Gate.Verdict failed(String errors, Process process) {
        Matcher memory = OUT_OF_MEMORY.matcher(errors);
        if (memory.find()) {
            return GateProcess.rejected("the knowledge does not fit in the service's memory: checking it ran out of memory ("
                    + memory.group(1).strip() + ") with the service's settings " + String.join(" ", GateProcess.memoryOptions()));
        }
        String reason = errors.lines().filter(l -> !l.isBlank()).findFirst()
                .orElse(process.isAlive() ? "no verdict" : "exit code " + process.exitValue());
        return GateProcess.rejected("the checking process failed: " + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
    }

    /** Kills the worker and everything it started, and waits until it is gone, so two never hold memory at once. */
    private void stop() {
        if (child != null) {
            Process process = child.process;
            child = null;
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A running worker: its process, the verdict lines it printed, the tail of its standard error. */
    private static final class Child {

        /** Put on the queue when the worker's standard output ends. */
        static final String ENDED = "";

        final Process process;
        final BlockingQueue<String> verdicts = new LinkedBlockingQueue<>();
        final StringBuilder errors = new StringBuilder();
        int checks;

        Child(Process process) {
            this.process = process;
            daemon("dbpick-gate-out", () -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("{")) {
                            verdicts.add(line);
                        }
                    }
                } catch (IOException e) {
                    // The worker is gone.
                }
                verdicts.add(ENDED);
            });
            daemon("dbpick-gate-err", () -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = err.readLine()) != null) {
                        synchronized (errors) {
                            if (errors.length() < ERROR_TAIL) {
                                errors.append(line, 0, Math.min(line.length(), ERROR_TAIL)).append('\n');
                            }
                        }
                    }
                } catch (IOException e) {
                    // The worker is gone.
                }
            });
        }

        void clearErrors() {
            synchronized (errors) {
                errors.setLength(0);
            }
        }

        String errors() {
            synchronized (errors) {
                return errors.toString();
            }
        }

        static void daemon(String name, Runnable body) {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            thread.start();
        }
    }
}
