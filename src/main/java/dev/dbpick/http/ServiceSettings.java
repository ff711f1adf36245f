package dev.dbpick.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The service's settings, under {@code dbpick.*} in application.yml or as environment variables
 * ({@code DBPICK_RULES}, {@code DBPICK_DATA}, {@code DBPICK_TEAM}, {@code DBPICK_ADMIN_TOKEN}, ...).
 *
 * @param rules          folder of rule files; default ./rules when present, else the bundled rules
 * @param data           folder of data files; default ./data when present, else the bundled data
 * @param adminToken     bearer token for POST /api/v1/knowledge/reload; reload is disabled when unset
 * @param watch          whether to reload when files change (default true)
 * @param debounceMillis quiet time after the last file event before a reload (default 300)
 * @param resultCacheSize how many recent results to keep (default 10,000; 0 for none)
 * @param resultCacheMib  how much memory the kept results may take, in MiB (default 32; 0 for none)
 * @param requestTimeoutSeconds a request must arrive whole within this many seconds, else 408 (default 10)
 * @param gateTimeoutSeconds    a reload's checks (compile, data, scenarios) must finish within this many seconds (default 60)
 * @param rankingTimeoutSeconds a request's ranking and explanations must finish within this many seconds, else 503 (default 5)
 * @param rankingThreads        threads that rank, apart from the threads that take requests (default: one per core, at least 2)
 * @param team                  a team's folder of rules/ and data/ laid over the knowledge ({@code DBPICK_TEAM}); none by default
 * @param warmUpSeconds         answer warm-up profiles for at most this many seconds before listening (default {@value #WARM_UP_SECONDS}; 0 for none)
 */
@ConfigurationProperties("dbpick")
public record ServiceSettings(@Nullable String rules, @Nullable String data, @Nullable String adminToken,
                              @Nullable Boolean watch, @Nullable Integer debounceMillis,
                              @Nullable Integer resultCacheSize, @Nullable Integer requestTimeoutSeconds,
                              @Nullable Integer gateTimeoutSeconds, @Nullable Integer resultCacheMib,
                              @Nullable Integer rankingTimeoutSeconds, @Nullable Integer rankingThreads,
                              @Nullable String team, @Nullable Integer warmUpSeconds) {

    public ServiceSettings {
        if (adminToken != null) {
            adminToken = adminToken.strip();
        }
    }

    /** How long a reload's checks may take. */
    public java.time.Duration gateTimeout() {
        return java.time.Duration.ofSeconds(gateTimeoutSeconds == null ? 60 : Math.max(5, gateTimeoutSeconds));
    }

    /** How long a request's ranking and explanations may take. */
    public java.time.Duration rankingTimeout() {
        return java.time.Duration.ofSeconds(rankingTimeoutSeconds == null ? 5 : Math.max(1, rankingTimeoutSeconds));
    }

    /**
     * How many rankings run at once. Rankings are CPU-bound, so by default one per core (at least
     * two): more threads than cores serve no more requests, only interleave them, and each
     * request's working objects then live long enough to be promoted and collected as old
     * garbage. Measured with every explanation asked for, 32 connections, two cores: 8 threads
     * 4,718 us of server CPU per POST, 24 full collections in 6,000 requests; 2 threads 3,732 us, 4.
     */
    public int rankingThreadCount() {
        return rankingThreads == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : Math.max(1, rankingThreads);
    }

    /**
     * The default of {@code dbpick.warm-up-seconds}: long enough for the JIT to compile most of
     * what answers use (8 s against 3 s: about 11% less server CPU per POST over the first
     * 3,000 to 20,000 requests, with and without explanations), short enough for a restart.
     */
    static final int WARM_UP_SECONDS = 8;

    /** How long the service answers warm-up profiles before it listens ({@link ServiceWarmUp}). */
    public java.time.Duration warmUp() {
        return java.time.Duration.ofSeconds(warmUpSeconds == null ? WARM_UP_SECONDS : Math.max(0, warmUpSeconds));
    }

    /** How long a request may take to arrive whole. */
    public java.time.Duration requestTimeout() {
        return java.time.Duration.ofSeconds(requestTimeoutSeconds == null ? 10 : Math.max(1, requestTimeoutSeconds));
    }

    public boolean watching() {
        return watch == null || watch;
    }

    public int debounce() {
        return debounceMillis == null ? 300 : debounceMillis;
    }
}
