package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.render.Json;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The result cache: a hit is the same result, and memory stays within its bound. */
class ResultCacheTest {

    private final Advisor advisor = TestKnowledge.advisor();
    private final ProfileReader profiles = new ProfileReader(TestKnowledge.knowledge().questionnaire());

    @Test
    void aHitIsTheSameResultAndComputesNothing() {
        ResultCache cache = new ResultCache(settings(100, 32));
        Profile profile = profiles.read("{\"databases\":[\"postgresql\"]}");
        AtomicInteger computed = new AtomicInteger();
        var first = get(cache, "r1", profile, 10, TestKnowledge.AS_OF, Include.NONE, () -> count(computed, profile, 10, Include.NONE));
        var second = get(cache, "r1", profile, 10, TestKnowledge.AS_OF, Include.NONE, () -> count(computed, profile, 10, Include.NONE));
        assertSame(first, second);
        assertEquals(1, computed.get());
        get(cache, "r2", profile, 10, TestKnowledge.AS_OF, Include.NONE, () -> count(computed, profile, 10, Include.NONE));
        assertEquals(2, computed.get(), "another knowledge revision is another key");
    }

    @Test
    void theExplanationsAskedForArePartOfTheKey() {
        ResultCache cache = new ResultCache(settings(100, 32));
        Profile profile = profiles.read("{\"databases\":[\"postgresql\"]}");
        AtomicInteger computed = new AtomicInteger();
        var bare = get(cache, "r", profile, 10, TestKnowledge.AS_OF, Include.NONE, () -> count(computed, profile, 10, Include.NONE));
        var explained = get(cache, "r", profile, 10, TestKnowledge.AS_OF, Include.ALL, () -> count(computed, profile, 10, Include.ALL));
        assertEquals(2, computed.get(), "an answer with explanations is not the one without");
        assertNull(bare.pivots());
        assertNotNull(explained.pivots());
        assertSame(explained, get(cache, "r", profile, 10, TestKnowledge.AS_OF, Include.parse("pivots,relaxations"),
                () -> count(computed, profile, 10, Include.ALL)), "the same explanations however written");
        assertSame(bare, get(cache, "r", profile, 10, TestKnowledge.AS_OF, Include.parse("none"),
                () -> count(computed, profile, 10, Include.NONE)));
        assertEquals(2, computed.get());
    }

    @Test
    void memoryStaysWithinTheBoundWhateverTheNumberOfEntries() {
        ResultCache cache = new ResultCache(settings(10_000, 1));
        Profile profile = profiles.read("{}");
        for (int top = 0; top < 60; top++) {
            int limit = top;
            get(cache, "r", profile, limit, TestKnowledge.AS_OF, Include.NONE,
                    () -> advisor.recommend(profile, limit, TestKnowledge.AS_OF, Include.NONE));
        }
        long[] usage = cache.usage();
        assertTrue(usage[1] <= 1 << 20, "bytes held: " + usage[1]);
        assertTrue(usage[0] > 0 && usage[0] < 60, "entries held: " + usage[0]);
    }

    @Test
    void zeroSwitchesTheCacheOff() {
        ResultCache cache = new ResultCache(settings(10_000, 0));
        Profile profile = profiles.read("{}");
        AtomicInteger computed = new AtomicInteger();
        get(cache, "r", profile, 3, TestKnowledge.AS_OF, Include.NONE, () -> count(computed, profile, 3, Include.NONE));
        get(cache, "r", profile, 3, TestKnowledge.AS_OF, Include.NONE, () -> count(computed, profile, 3, Include.NONE));
        assertEquals(2, computed.get());
        assertEquals(0, cache.usage()[0]);
    }

    /** As the service asks: the cached result, else one computed and kept, weighed by its JSON. */
    private static Result get(ResultCache cache, String revision, Profile profile, int top, java.time.LocalDate asOf,
                              Include include, Supplier<Result> compute) {
        ResultCache.Key key = new ResultCache.Key(revision, profile, top, asOf, include);
        Result cached = cache.find(key);
        if (cached != null) {
            return cached;
        }
        Result computed = compute.get();
        cache.keep(key, computed, Json.compact(computed).length());
        return computed;
    }

    private dev.dbpick.advice.Result count(AtomicInteger computed, Profile profile, int top, Include include) {
        computed.incrementAndGet();
        return advisor.recommend(profile, top, TestKnowledge.AS_OF, include);
    }

    private static ServiceSettings settings(int entries, int mib) {
        return new ServiceSettings(null, null, null, false, null, entries, null, null, mib, null, null, null, null);
    }
}
