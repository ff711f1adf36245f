package dev.dbpick.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.advice.UnknownLibraryException;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.scenario.Scenario;
import dev.dbpick.scenario.ScenarioReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every explanation is computed by asking the engine again; these tests ask once more, through
 * a fresh session, and require what each entry claims: over every scenario profile, each pivot
 * gives its top, each relaxation its fit count and top, each admitting change the rank it says.
 */
class ExplanationTest {

    private static final LocalDate AS_OF = TestKnowledge.AS_OF;
    private static final String NOTHING_FITS = "{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}";

    private final Engine engine = TestKnowledge.engine();
    private final Knowledge knowledge = engine.knowledge();
    private final Advisor advisor = TestKnowledge.advisor();
    private final ProfileReader reader = new ProfileReader(knowledge.questionnaire());
    private final ProfileChanges changes = new ProfileChanges(knowledge.questionnaire(), knowledge.settings().changeOrder());

    private List<Profile> scenarioProfiles() {
        List<Profile> profiles = new ArrayList<>();
        new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(TestKnowledge.RULES).stream()
                .map(Scenario::profile).filter(p -> !"stack".equals(p.purpose())).forEach(profiles::add);
        profiles.add(reader.read(NOTHING_FITS));
        return profiles;
    }

    @Test
    void everyPivotOfEveryScenarioGivesTheTopItClaims() {
        int checked = 0;
        for (Profile profile : scenarioProfiles()) {
            Result result = advisor.recommend(profile, 10, AS_OF, Include.ALL);
            for (Pivot pivot : result.pivots()) {
                Ranking again = engine.rankFresh(apply(profile, pivot.changes()), AS_OF);
                assertEquals(pivot.top(), again.top().orElseThrow().id(), profile + " with " + pivot.changes());
                assertFalse(pivot.top().equals(result.recommendations().get(0).id()), "a pivot changes the first pick");
                assertEquals(1, countChanges(pivot.changes()), "a pivot changes one answer: " + pivot.changes());
                checked++;
            }
        }
        assertTrue(checked > 100, "pivots checked: " + checked);
    }

    @Test
    void everyRelaxationGivesWhatItSaysAndIsMinimal() {
        Profile nothing = reader.read(NOTHING_FITS);
        Result result = advisor.recommend(nothing, 10, AS_OF, Include.ALL);
        assertTrue(result.recommendations().isEmpty());
        assertFalse(result.relaxations().isEmpty(), "a way out exists, so one is found");
        assertTrue(result.relaxations().stream().anyMatch(r -> countChanges(r.changes()) == 2
                && r.top().equals("cassandra-driver")), "a pair: another purpose and no asyncio gives the Cassandra driver");
        int previousSize = 0;
        for (Relaxation relaxation : result.relaxations()) {
            Ranking again = engine.rankFresh(apply(nothing, relaxation.changes()), AS_OF);
            assertEquals(relaxation.top(), again.top().orElseThrow().id(), relaxation.summary());
            assertEquals(relaxation.fits(), again.recommended().size(), relaxation.summary());
            int size = countChanges(relaxation.changes());
            assertTrue(size >= previousSize, "smallest first");
            previousSize = size;
            if (size == 2) {
                for (Iterator<String> fields = relaxation.changes().fieldNames(); fields.hasNext(); ) {
                    ObjectNode alone = relaxation.changes().deepCopy();
                    alone.remove(fields.next());
                    assertTrue(engine.rankFresh(apply(nothing, alone), AS_OF).top().isEmpty(),
                            "no proper subset of " + relaxation.changes() + " would do");
                }
            }
        }
    }

    /**
     * Pairs of changes are skipped when what the rules read says they cannot admit a library;
     * trying every pair instead must find the same relaxations, and the same change for why-not.
     */
    @Test
    void skippingPairsLosesNoRelaxationAndNoAdmittingChange() {
        List<Profile> nothingFits = new ArrayList<>();
        for (Profile profile : scenarioProfiles()) {
            if (engine.rankFresh(profile, AS_OF).fitting().isEmpty()) {
                nothingFits.add(profile);
            }
        }
        dev.dbpick.GeneratedProfiles.of(knowledge.questionnaire(), 120, 23, false).stream()
                .filter(p -> engine.rankFresh(p, AS_OF).fitting().isEmpty()).limit(25).forEach(nothingFits::add);
        assertTrue(nothingFits.size() > 20, "profiles that fit nothing: " + nothingFits.size());
        int relaxations = 0;
        try (Engine.Asker asker = engine.ask(AS_OF)) {
            Explainer pruned = new Explainer(asker);
            Explainer every = new Explainer(asker, false);
            for (Profile profile : nothingFits) {
                Ranking ranking = asker.rankFitting(profile);
                List<Relaxation> found = pruned.relaxations(ranking);
                assertEquals(every.relaxations(ranking), found, profile.toString());
                relaxations += found.size();
            }
            for (Profile profile : nothingFits.subList(0, 10)) {
                for (String id : List.of("sqlalchemy", "psycopg", "redis", "pymongo", "duckdb")) {
                    assertEquals(every.smallest(profile, id).map(f -> f.change().changes()),
                            pruned.smallest(profile, id).map(f -> f.change().changes()), profile + " " + id);
                }
            }
        }
        assertTrue(relaxations > nothingFits.size(), "relaxations found: " + relaxations);
    }

    /**
     * Pivots and relaxations ask the warm session, which fires only the rules that read a changed
     * answer and recalls the rest; asking a fresh session for every changed profile, as the
     * explanations did before, must give the same pivots over every scenario profile (the
     * panel's included) and hundreds of generated ones, and the same relaxations, every pair tried.
     */
    @Test
    void incrementalExplanationsEqualFullReRankingOfEveryChange() {
        List<Profile> all = scenarioProfiles();
        for (String share : List.of("held-out", "tuned")) {
            ScenarioReader.readPanel(knowledge.catalog(), knowledge.questionnaire(), TestKnowledge.RULES, share).stream()
                    .map(Scenario::profile).filter(p -> !p.stack()).forEach(all::add);
        }
        all.addAll(dev.dbpick.GeneratedProfiles.of(knowledge.questionnaire(), 300, 29, false));
        int pivots = 0;
        List<Profile> nothingFits = new ArrayList<>();
        try (Engine.Asker asker = engine.ask(AS_OF)) {
            Explainer explainer = new Explainer(asker);
            for (Profile profile : all) {
                Ranking ranking = asker.rankFitting(profile);
                List<Pivot> found = explainer.pivots(ranking);
                assertEquals(fullPivots(engine.rankFresh(profile, AS_OF)), found, profile.toString());
                pivots += found.size();
                if (ranking.fitting().isEmpty() && nothingFits.size() < 8) {
                    nothingFits.add(profile);
                }
            }
            assertTrue(nothingFits.size() >= 4, "profiles that fit nothing: " + nothingFits.size());
            for (Profile profile : nothingFits) {
                assertEquals(fullRelaxations(profile), explainer.relaxations(asker.rankFitting(profile)), profile.toString());
            }
        }
        assertTrue(pivots > all.size(), "pivots found: " + pivots + " over " + all.size() + " profiles");
    }

    /** The pivots as found before: every single change ranked again from scratch. */
    private List<Pivot> fullPivots(Ranking ranking) {
        List<Pivot> pivots = new ArrayList<>();
        ranking.top().ifPresent(top -> {
            for (Change change : changes.singles(ranking.profile())) {
                engine.rankFresh(change.profile(), AS_OF).top().filter(other -> !other.id().equals(top.id()))
                        .ifPresent(other -> pivots.add(new Pivot(change.changes(), other.id(), change.summary())));
            }
        });
        return pivots;
    }

    /** The relaxations as found before, every pair tried: each change ranked again from scratch. */
    private List<Relaxation> fullRelaxations(Profile profile) {
        List<Relaxation> relaxations = new ArrayList<>();
        List<Change> notEnough = new ArrayList<>();
        for (Change change : changes.singles(profile)) {
            if (!fullyAdmits(change, relaxations)) {
                notEnough.add(change);
            }
        }
        for (int i = 0; i < notEnough.size(); i++) {
            for (int j = i + 1; j < notEnough.size(); j++) {
                Change pair = changes.combine(profile, notEnough.get(i), notEnough.get(j));
                if (pair != null) {
                    fullyAdmits(pair, relaxations);
                }
            }
        }
        return relaxations;
    }

    private boolean fullyAdmits(Change change, List<Relaxation> relaxations) {
        Ranking again = engine.rankFresh(change.profile(), AS_OF);
        again.top().ifPresent(top -> relaxations.add(new Relaxation(change.changes(), again.recommended().size(), top.id(),
                change.summary())));
        return again.top().isPresent();
    }

    @Test
    void relaxationsAreGivenOnlyWhenNothingPassesTheHardConstraints() {
        for (Profile profile : scenarioProfiles()) {
            Result result = advisor.recommend(profile, 10, AS_OF, Include.ALL);
            boolean nothingPasses = result.recommendations().isEmpty() && result.poorFits().isEmpty();
            if (!nothingPasses) {
                assertTrue(result.relaxations().isEmpty(), profile.toString());
            }
        }
    }

    @Test
    void aWholeDataLayerPicksPerDatabaseAndItsPivotsHold() {
        Profile stack = reader.read("{\"purpose\":\"stack\",\"databases\":[\"postgresql\",\"redis\"],\"async\":\"required\","
                + "\"framework\":\"fastapi\"}");
        Result result = advisor.recommend(stack, 10, AS_OF, Include.ALL);
        assertEquals(List.of("postgresql", "redis"), result.stack().stream().map(dev.dbpick.advice.StackEntry::database).toList());
        assertTrue(result.recommendations().isEmpty(), "a stack answers per database");
        for (var entry : result.stack()) {
            assertNotNull(entry.pick());
            Ranking perDatabase = engine.rankFresh(stack.forDatabase(entry.database()), AS_OF);
            assertEquals(perDatabase.top().orElseThrow().id(), entry.pick().id());
            assertFalse(entry.alternatives().stream().anyMatch(a -> a.id().equals(entry.pick().id())));
            if (entry.runsOn() != null) {
                var pick = knowledge.catalog().find(entry.pick().id()).orElseThrow();
                assertTrue(pick.runsOn().get(entry.database()).async().contains(entry.runsOn().id()),
                        "under asyncio the driver comes from the async list");
            }
            for (Pivot pivot : entry.pivots()) {
                assertFalse(pivot.changes().has("databases"), "a stack's databases are not an answer to change");
                Profile changed = apply(stack, pivot.changes());
                assertEquals(pivot.top(), engine.rankFresh(changed.forDatabase(entry.database()), AS_OF).top().orElseThrow().id());
            }
        }
    }

    @Test
    void onlyTheExplanationsAskedForAreInTheAnswerAndTheRestIsTheSame() {
        for (String json : List.of("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}", NOTHING_FITS)) {
            Profile profile = reader.read(json);
            Result all = advisor.recommend(profile, 10, AS_OF, Include.ALL);
            Result none = advisor.recommend(profile, 10, AS_OF, Include.NONE);
            Result pivots = advisor.recommend(profile, 10, AS_OF, Include.of(Include.Explanation.PIVOTS));
            Result relaxations = advisor.recommend(profile, 10, AS_OF, Include.of(Include.Explanation.RELAXATIONS));
            assertNull(none.pivots(), json);
            assertNull(none.relaxations(), json);
            assertEquals(all.pivots(), pivots.pivots(), json);
            assertNull(pivots.relaxations(), json);
            assertNull(relaxations.pivots(), json);
            assertEquals(all.relaxations(), relaxations.relaxations(), json);
            assertEquals(withoutExplanations(all), none, "the ranking, margin, poor fits and exclusions do not depend on include");
        }
    }

    @Test
    void aWholeDataLayerOmitsItsExplanationsPerDatabaseUnlessAsked() {
        Profile stack = reader.read("{\"purpose\":\"stack\",\"databases\":[\"postgresql\",\"cassandra\"]}");
        Result none = advisor.recommend(stack, 10, AS_OF, Include.NONE);
        Result all = advisor.recommend(stack, 10, AS_OF, Include.ALL);
        assertNull(none.pivots());
        assertEquals(List.of(), all.pivots(), "asked for: there, and empty, since a stack's pivots are per database");
        for (int i = 0; i < none.stack().size(); i++) {
            var bare = none.stack().get(i);
            var full = all.stack().get(i);
            assertNull(bare.pivots(), bare.database());
            assertNull(bare.relaxations(), bare.database());
            assertNotNull(full.pivots(), full.database());
            assertNotNull(full.relaxations(), full.database());
            assertEquals(full.pick(), bare.pick(), full.database());
            assertEquals(full.margin(), bare.margin(), full.database());
        }
    }

    private static Result withoutExplanations(Result result) {
        return new Result(result.recommendations(), result.poorFits(), result.excluded(), result.margin(), null, null,
                result.stack(), result.profile(), result.knowledge());
    }

    @Test
    void whyNotARecommendedLibrarySaysWhereItStands() {
        WhyNot answer = advisor.whyNot(reader.read("{\"databases\":[\"postgresql\"],\"async\":\"required\"}"), "psycopg", AS_OF);
        assertEquals(WhyNot.RECOMMENDED, answer.status());
        assertTrue(answer.rank() > 1);
        assertNull(answer.admit());
        assertNotNull(answer.versusTop());
        assertEquals(answer.versusTop().pointsBehind(), answer.versusTop().lines().stream().mapToInt(LineDifference::points).sum(),
                "the differing lines add up to the gap");
    }

    @Test
    void whyNotAPoorFitSaysWhatWouldAdmitIt() {
        Profile profile = reader.read("{\"databases\":[\"postgresql\"]}");
        WhyNot answer = advisor.whyNot(profile, "asyncpg", AS_OF);
        assertEquals(WhyNot.POOR_FIT, answer.status());
        assertTrue(answer.score() < 0);
        assertNotNull(answer.admit(), answer.note());
        Ranking again = engine.rankFresh(apply(profile, answer.admit().changes()), AS_OF);
        assertEquals(answer.admit().rank(), again.rankOf("asyncpg"));
    }

    @Test
    void whyNotAnExcludedLibraryListsEveryExclusionAndTheChangeThatAdmitsIt() {
        Profile profile = reader.read("{\"databases\":[\"postgresql\"],\"framework\":\"django\",\"async\":\"required\"}");
        WhyNot answer = advisor.whyNot(profile, "psycopg2", AS_OF);
        assertEquals(WhyNot.EXCLUDED, answer.status());
        assertFalse(answer.exclusions().isEmpty());
        assertNotNull(answer.admit(), answer.note());
        assertEquals(answer.admit().rank(), engine.rankFresh(apply(profile, answer.admit().changes()), AS_OF).rankOf("psycopg2"));
    }

    @Test
    void whyNotSaysPlainlyWhenNoChangeOfOneOrTwoAnswersCanAdmitALibrary() {
        WhyNot answer = advisor.whyNot(reader.read("{\"databases\":[\"kafka\"],\"purpose\":\"cache\",\"async\":\"required\","
                + "\"constraints\":{\"standardLibraryOnly\":true}}"), "redis-om", AS_OF);
        assertEquals(WhyNot.EXCLUDED, answer.status());
        assertNull(answer.admit());
        assertTrue(answer.note().startsWith("No change of one or two answers makes Redis OM a recommendation"), answer.note());
    }

    @Test
    void whyNotAnUnknownLibrarySuggestsTheClosest() {
        UnknownLibraryException e = assertThrows(UnknownLibraryException.class,
                () -> advisor.whyNot(reader.read("{}"), "sqlmodl", AS_OF));
        assertTrue(e.getMessage().contains("did you mean \"sqlmodel\"?"), e.getMessage());
    }

    @Test
    void compareTakesTwoToFourDifferentKnownIdsInTheOrderGiven() {
        Profile profile = reader.read("{\"databases\":[\"postgresql\"],\"async\":\"required\"}");
        Comparison two = advisor.compare(profile, List.of("sqlmodel", "sqlalchemy"), AS_OF);
        assertEquals(List.of("sqlmodel", "sqlalchemy"), two.libraries().stream().map(Comparison.Entry::id).toList());
        Comparison four = advisor.compare(profile, List.of("sqlalchemy", "sqlmodel", "tortoise-orm", "pony"), AS_OF);
        assertEquals(4, four.libraries().size());
        assertEquals(WhyNot.EXCLUDED, four.libraries().get(3).status());
        assertFalse(four.libraries().get(3).exclusions().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> advisor.compare(profile, List.of("sqlalchemy"), AS_OF));
        assertThrows(IllegalArgumentException.class, () -> advisor.compare(profile,
                List.of("sqlalchemy", "sqlmodel", "pony", "peewee", "django"), AS_OF));
        assertThrows(IllegalArgumentException.class, () -> advisor.compare(profile, List.of("sqlalchemy", "SQLAlchemy"), AS_OF));
        assertThrows(UnknownLibraryException.class, () -> advisor.compare(profile, List.of("sqlalchemy", "nosuch"), AS_OF));
    }

    @Test
    void theMarginNamesTheLinesThatDecideIt() {
        Result result = advisor.recommend(reader.read("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}"),
                10, AS_OF, Include.NONE);
        Margin margin = result.margin();
        int second = result.recommendations().stream().filter(r -> r.id().equals(margin.second())).findFirst().orElseThrow().score();
        assertEquals(result.recommendations().get(0).score() - second, margin.points());
        assertEquals(margin.points() < knowledge.settings().nearTiePoints(), margin.nearTie());
        assertEquals(margin.points(), margin.deciding().stream().mapToInt(LineDifference::points).sum());
    }

    private Profile apply(Profile profile, ObjectNode change) {
        Profile changed = changes.apply(profile, change);
        assertNotNull(changed, "a valid profile: " + change);
        return changed;
    }

    /** How many answers a partial profile changes (each flag of constraints counts as one). */
    private static int countChanges(ObjectNode change) {
        int count = 0;
        for (var it = change.fields(); it.hasNext(); ) {
            var entry = it.next();
            count += entry.getValue().isObject() ? entry.getValue().size() : 1;
        }
        return count;
    }
}
