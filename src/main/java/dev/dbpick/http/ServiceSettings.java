package dev.dbpick.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The service's settings, under {@code dbpick.*} in application.yml or as environment variables
 * ({@code DBPICK_RULES}, {@code DBPICK_DATA}, {@code DBPICK_ADMIN_TOKEN}, ...).
 *
 * @param rules          folder of rule files; default ./rules when present, else the bundled rules
 * @param data           folder of data files; default ./data when present, else the bundled data
 * @param adminToken     bearer token for POST /api/v1/knowledge/reload; reload is disabled when unset
 * @param watch          whether to reload when files change (default true)
 * @param debounceMillis quiet time after the last file event before a reload (default 300)
 * @param resultCacheSize how many recent results to keep (default 10,000; 0 for none)
 * @param requestTimeoutSeconds a request must arrive whole within this many seconds, else 408 (default 10)
 */
@ConfigurationProperties("dbpick")
public record ServiceSettings(@Nullable String rules, @Nullable String data, @Nullable String adminToken,
                              @Nullable Boolean watch, @Nullable Integer debounceMillis,
                              @Nullable Integer resultCacheSize, @Nullable Integer requestTimeoutSeconds) {

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
