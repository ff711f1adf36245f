package dev.dbpick.http;

import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.Profile;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent results, keyed by knowledge revision, profile as understood, top, evaluation date and
 * the explanations asked for:
 * scripts, CI jobs and portals ask the same few questions over and over. A result is immutable
 * and a function of exactly that key, so a hit is the same document a fresh run gives; a reload
 * changes the revision, so nothing stale is ever served.
 *
 * <p>Bounded twice, least recently used first out: by entries ({@code dbpick.result-cache-size},
 * default 10,000) and by memory ({@code dbpick.result-cache-mib}, default 32 MiB, each result
 * weighed by the size of the answer written from it, which tracks its size on the heap). 0 for
 * either switches the cache off.
 */
@Singleton
public class ResultCache {

    /** What a result is a function of. */
    public record Key(String revision, Profile profile, int top, LocalDate asOf, Include include) {
    }

    private record Entry(Result result, long bytes) {
    }

    private final int capacity;
    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public ResultCache(ServiceSettings settings) {
        this.capacity = settings.resultCacheSize() == null ? 10_000 : Math.max(0, settings.resultCacheSize());
        this.maxBytes = (settings.resultCacheMib() == null ? 32L : Math.max(0, settings.resultCacheMib())) << 20;
    }

    /** The cached result for the key; null when there is none, or the cache is off. */
    public Result find(Key key) {
        if (off()) {
            return null;
        }
        synchronized (entries) {
            Entry cached = entries.get(key);
            return cached == null ? null : cached.result();
        }
    }

    /**
     * Keeps a result computed for the key, weighed by the length of the answer written from it
     * (its JSON, or its decision record), which the caller has in hand: weighing it by writing
     * it again cost about as much as the answer's own writing, for every answer not yet cached.
     */
    public void keep(Key key, Result result, long written) {
        // Characters written, times two for the object graph behind them.
        long weight = 2L * written;
        if (off() || weight > maxBytes) {
            return;
        }
        synchronized (entries) {
            Entry previous = entries.put(key, new Entry(result, weight));
            bytes += weight - (previous == null ? 0 : previous.bytes());
            evict();
        }
    }

    private boolean off() {
        return capacity == 0 || maxBytes == 0;
    }

    /** Entries and estimated bytes held now, for tests and the log. */
    public long[] usage() {
        synchronized (entries) {
            return new long[] {entries.size(), bytes};
        }
    }

    private void evict() {
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while ((entries.size() > capacity || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }
}
