package dev.dbpick.recommendation;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time budget for the rankings one piece of work makes on the current thread (a request's
 * ranking and its explanations). The engine checks it before every rule firing: once it has
 * passed, the firing stops and {@link RankingTimeoutException} names the rule that was about to
 * fire; the session it used is dropped, never reused. Work outside {@link #within} has no budget.
 */
public final class Deadline {

    private static final ThreadLocal<long[]> END = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with a budget on this thread. */
    public static <T> T within(Duration budget, Supplier<T> work) {
        long[] previous = END.get();
        END.set(new long[] {System.nanoTime() + budget.toNanos()});
        try {
            return work.get();
        } finally {
            if (previous == null) {
                END.remove();
            } else {
                END.set(previous);
            }
        }
    }

    /**
     * Runs {@code work} outside this thread's budget: the warm-up of a session (the catalog's own
     * derivations, the same for every profile and checked by the scenarios) is not the ranking's.
     */
    static <T> T outside(Supplier<T> work) {
        long[] previous = END.get();
        END.remove();
        try {
            return work.get();
        } finally {
            if (previous != null) {
                END.set(previous);
            }
        }
    }

    /** Whether this thread works under a budget. */
    static boolean active() {
        return END.get() != null;
    }

    /** Whether this thread's budget is spent. */
    static boolean passed() {
        long[] end = END.get();
        return end != null && System.nanoTime() - end[0] > 0;
    }
}
