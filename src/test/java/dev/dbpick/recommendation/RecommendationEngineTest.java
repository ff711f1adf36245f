package dev.dbpick.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationEngineTest {

    private final Knowledge knowledge = TestKnowledge.knowledge();
    private final ProfileReader profiles = new ProfileReader(knowledge.questionnaire());

    @Test
    void everyScoreIsTheSumOfItsReasons() {
        Result result = recommend("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"priorities\":[\"performance\",\"maturity\"]}");
        assertFalse(result.recommendations().isEmpty());
        for (Recommendation r : result.recommendations()) {
            assertEquals(r.reasons().stream().mapToInt(Reason::points).sum(), r.score(), r.id());
        }
    }

    @Test
    void everyLibraryIsEitherRankedOrExcludedWithAReason() {
        Result result = recommend("{\"databases\":[\"mysql\"],\"constraints\":{\"permissiveLicense\":true}}");
        Set<String> seen = new HashSet<>();
        result.recommendations().forEach(r -> assertTrue(seen.add(r.id()), "twice: " + r.id()));
        for (Excluded e : result.excluded()) {
            assertTrue(seen.add(e.id()), "ranked and excluded: " + e.id());
            assertFalse(e.reasons().isEmpty(), "excluded without a reason: " + e.id());
        }
        assertEquals(knowledge.catalog().size(), seen.size());
        assertTrue(result.excluded().stream().anyMatch(e -> e.id().equals("mysqlclient")
                && e.reasons().stream().anyMatch(n -> n.rule().equals("License: copyleft when a permissive license is required"))));
    }

    @Test
    void ranksAreConsecutiveAndScoresDoNotIncrease() {
        List<Recommendation> ranked = recommend("{}").recommendations();
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(i + 1, ranked.get(i).rank());
            if (i > 0) {
                assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score());
            }
        }
    }

    @Test
    void theSameProfileGivesTheSameResult() {
        String profile = "{\"purpose\":\"cache\",\"priorities\":[\"simplicity\"]}";
        assertEquals(recommend(profile), recommend(profile));
    }

    @Test
    void topLimitsTheRankingButNotTheExclusions() {
        Profile profile = profiles.read("{\"databases\":[\"sqlite\"]}");
        Result all = RecommendationEngine.recommend(knowledge, profile, 0);
        Result three = RecommendationEngine.recommend(knowledge, profile, 3);
        assertEquals(3, three.recommendations().size());
        assertEquals(all.recommendations().subList(0, 3), three.recommendations());
        assertEquals(all.excluded(), three.excluded());
    }

    @Test
    void anUnfixedAdvisoryIsACautionAndCostsPoints() {
        Recommendation diskcache = find(recommend("{\"purpose\":\"cache\"}"), "diskcache");
        assertTrue(diskcache.cautions().stream().anyMatch(c -> c.text().contains("CVE-2025-69872")));
        assertTrue(diskcache.reasons().stream().anyMatch(r -> r.points() < 0 && r.text().contains("CVE-2025-69872")));
    }

    @Test
    void aCopyleftLicenseIsACautionEvenWithoutPoints() {
        Recommendation mysqlclient = find(recommend("{\"databases\":[\"mysql\"]}"), "mysqlclient");
        assertTrue(mysqlclient.cautions().stream().anyMatch(c -> c.rule().equals("License: strong copyleft")));
        assertTrue(mysqlclient.reasons().stream().noneMatch(r -> r.rule().equals("License: strong copyleft")));
    }

    @Test
    void theResultCarriesTheRevisionAndTheProfileAsUnderstood() {
        Result result = recommend("{\"async\":\"preferred\"}");
        assertEquals(knowledge.revision(), result.knowledge().revision());
        assertEquals(knowledge.catalog().size(), result.knowledge().libraries());
        assertEquals(knowledge.rules().names().size(), result.knowledge().rules());
        assertEquals("preferred", result.profile().async());
        assertEquals("any", result.profile().purpose());
    }

    private Result recommend(String json) {
        return RecommendationEngine.recommend(knowledge, profiles.read(json), 0);
    }

    private static Recommendation find(Result result, String id) {
        return result.recommendations().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not ranked: " + result.excluded()));
    }
}
