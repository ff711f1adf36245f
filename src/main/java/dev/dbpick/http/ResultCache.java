package dev.dbpick.http;

import dev.dbpick.profile.Profile;
import dev.dbpick.advice.Result;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recent results, keyed by knowledge revision, profile as understood, and top: scripts, CI jobs
 * and portals ask the same few questions over and over. A result is immutable and a function
 * of exactly that key, so a hit is the same document a fresh run gives; a reload changes the
 * revision, so nothing stale is ever served. {@code dbpick.result-cache-size} sets the number
 * of entries (default 10,000; 0 switches the cache off).
 */
@Singleton
public class ResultCache {

    private record Key(String revision, Profile profile, int top, java.time.LocalDate asOf) {
    }

    private final int capacity;
    private final Map<Key, Result> entries;

    public ResultCache(ServiceSettings settings) {
        this.capacity = settings.resultCacheSize() == null ? 10_000 : Math.max(0, settings.resultCacheSize());
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Result> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The cached result for the key, or the computed one (then cached). */
    public Result get(String revision, Profile profile, int top, java.time.LocalDate asOf, Supplier<Result> compute) {
        if (capacity == 0) {
            return compute.get();
        }
        Key key = new Key(revision, profile, top, asOf);
        Result cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        Result result = compute.get();
        entries.put(key, result);
        return result;
    }
}
