package dev.dbpick.http;

import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Deadline;
import dev.dbpick.recommendation.RankingTimeoutException;
import dev.dbpick.support.KnowledgeException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request's ranking and explanations on the service's ranking threads within the time
 * budget ({@code dbpick.ranking-timeout-seconds}). The request thread waits for the budget and
 * no longer: past it, the answer is 503 naming the revision (and the rule, when the engine
 * stopped at one). The ranking itself stops at its next rule firing after the budget
 * ({@link Deadline}), which frees the thread; one that runs on regardless (a condition that
 * joins without end) counts as stuck after twice the budget plus ten seconds, and turns
 * {@code /health} DOWN so an orchestrator restarts the process. A failure in service (time,
 * memory, a rule that throws) counts against the revision ({@link KnowledgeHolder#failed}).
 */
@Singleton
public class RankingGuard {

    private static final Logger LOG = LoggerFactory.getLogger(RankingGuard.class);

    private final KnowledgeHolder holder;
    private final Duration budget;
    private final Duration stuckAfter;
    private final ExecutorService pool;
    private final Map<Thread, Long> running = new ConcurrentHashMap<>();

    public RankingGuard(KnowledgeHolder holder, ServiceSettings settings) {
        this.holder = holder;
        this.budget = settings.rankingTimeout();
        this.stuckAfter = budget.multipliedBy(2).plusSeconds(10);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.rankingThreadCount(), work -> {
            Thread thread = new Thread(work, "dbpick-ranking-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The time budget of one request's rankings. */
    public Duration budget() {
        return budget;
    }

    /**
     * Computes {@code work} (a ranking over {@code loaded}'s knowledge) within the budget.
     *
     * @throws RevisionFailedException 503: past the budget, or out of memory
     * @throws KnowledgeException      a rule failed for this profile (500), counted against the revision
     */
    public <T> T run(KnowledgeHolder.Loaded loaded, Profile profile, Supplier<T> work) {
        String revision = loaded.knowledge().revision();
        Future<T> future = pool.submit(() -> {
            running.put(Thread.currentThread(), System.nanoTime());
            try {
                return Deadline.within(budget, work);
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        try {
            return future.get(budget.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failed(loaded, profile, null, "did not finish within " + budget.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RevisionFailedException(revision, null, "the request was interrupted", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RankingTimeoutException timeout) {
                throw failed(loaded, profile, timeout.rule(), "did not finish within " + budget.toSeconds() + " s"
                        + (timeout.rule() == null ? "" : "; it was at rule \"" + timeout.rule() + "\" (" + timeout.location() + ")"));
            }
            if (cause instanceof OutOfMemoryError) {
                throw failed(loaded, profile, null, "ran out of memory");
            }
            if (cause instanceof KnowledgeException fault) {
                holder.failed(loaded, profile, fault.getMessage());
                throw fault;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private RevisionFailedException failed(KnowledgeHolder.Loaded loaded, Profile profile, String rule, String what) {
        String revision = loaded.knowledge().revision();
        LOG.warn("ranking failed on revision={}: {}", revision, what);
        boolean rolledBack = holder.failed(loaded, profile, "the ranking " + what);
        return new RevisionFailedException(revision, rule, "The ranking with the rules and data of revision " + revision + " "
                + what + (rolledBack ? "; the service has switched back to revision " + holder.current().knowledge().revision()
                + ", try again" : "; try again later"), rolledBack);
    }

    /** The ranking threads running for longer than a ranking ever should, one line each; empty when none. */
    public List<String> stuck() {
        List<String> stuck = new ArrayList<>();
        long now = System.nanoTime();
        running.forEach((thread, started) -> {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(now - started);
            if (seconds >= stuckAfter.toSeconds()) {
                stuck.add(thread.getName() + " has been ranking for " + seconds + " s (budget " + budget.toSeconds() + " s)");
            }
        });
        return stuck;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
