package dev.dbpick.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.GeneratedProfiles;
import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.scenario.KnowledgeAudit;
import dev.dbpick.scenario.Scenario;
import dev.dbpick.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    private final Engine engine = TestKnowledge.engine();
    private final Knowledge knowledge = engine.knowledge();
    private final ProfileReader profiles = new ProfileReader(knowledge.questionnaire());

    @Test
    void everyScoreIsTheSumOfItsLines() {
        Ranking ranking = rank("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"priorities\":[\"performance\",\"maturity\"]}");
        assertFalse(ranking.fitting().isEmpty());
        for (Assessment a : ranking.fitting()) {
            assertEquals(a.reasons().stream().mapToInt(Reason::points).sum(), a.score(), a.id());
        }
    }

    @Test
    void everyLibraryIsRankedOnceOrExcludedWithAReason() {
        Ranking ranking = rank("{\"databases\":[\"mysql\"],\"constraints\":{\"permissiveLicense\":true}}");
        Set<String> seen = new HashSet<>();
        ranking.fitting().forEach(a -> assertTrue(seen.add(a.id()), "twice: " + a.id()));
        for (Assessment e : ranking.excluded()) {
            assertTrue(seen.add(e.id()), "ranked and excluded: " + e.id());
            assertFalse(e.exclusions().isEmpty(), "excluded without a reason: " + e.id());
        }
        assertEquals(knowledge.catalog().size(), seen.size());
        assertTrue(ranking.find("mysqlclient").orElseThrow().exclusions().stream()
                .anyMatch(n -> n.rule().equals("License: copyleft when a permissive license is required")));
    }

    @Test
    void theFittingAreOrderedByScoreAndPoorFitsComeLast() {
        Ranking ranking = rank("{}");
        List<Assessment> fitting = ranking.fitting();
        for (int i = 1; i < fitting.size(); i++) {
            assertTrue(fitting.get(i - 1).score() >= fitting.get(i).score());
        }
        assertTrue(ranking.recommended().stream().allMatch(a -> a.score() >= 0));
        assertTrue(ranking.poorFits().stream().allMatch(a -> a.score() < 0));
        assertEquals(fitting.size(), ranking.recommended().size() + ranking.poorFits().size());
    }

    @Test
    void anUnfixedAdvisoryIsACautionAndCostsPoints() {
        Assessment diskcache = rank("{\"purpose\":\"cache\"}").find("diskcache").orElseThrow();
        assertTrue(diskcache.cautions().stream().anyMatch(c -> c.text().contains("CVE-2025-69872")));
        assertTrue(diskcache.reasons().stream().anyMatch(r -> r.points() < 0 && r.text().contains("CVE-2025-69872")));
    }

    @Test
    void aCopyleftLicenseIsACautionWithoutPoints() {
        Assessment mysqlclient = rank("{\"databases\":[\"mysql\"]}").find("mysqlclient").orElseThrow();
        assertTrue(mysqlclient.cautions().stream().anyMatch(c -> c.rule().equals("License: strong copyleft")));
        assertTrue(mysqlclient.reasons().stream().noneMatch(r -> r.rule().equals("License: strong copyleft")));
    }

    @Test
    void agesAreJudgedOnTheEvaluationDate() {
        Profile profile = profiles.read("{\"purpose\":\"cache\"}");
        Assessment now = engine.rank(profile, TestKnowledge.AS_OF).find("diskcache").orElseThrow();
        Assessment then = engine.rank(profile, LocalDate.of(2024, 3, 1)).find("diskcache").orElseThrow();
        assertTrue(now.reasons().stream().anyMatch(r -> r.rule().equals("Maintenance: stagnant")), now.reasons().toString());
        assertTrue(then.reasons().stream().noneMatch(r -> r.rule().startsWith("Maintenance:")),
                "seven months after its release, diskcache was active: " + then.reasons());
    }

    @Test
    void factsCheckedLongBeforeTheEvaluationDateGetACaution() {
        Assessment later = engine.rank(profiles.read("{}"), TestKnowledge.AS_OF.plusYears(1)).find("sqlalchemy").orElseThrow();
        assertTrue(later.cautions().stream().anyMatch(c -> c.rule().equals("Facts: checked long ago")
                && c.text().startsWith("Facts as of 2026-11-26")), later.cautions().toString());
        Assessment today = rank("{}").find("sqlalchemy").orElseThrow();
        assertTrue(today.cautions().stream().noneMatch(c -> c.rule().equals("Facts: checked long ago")));
    }

    @Test
    void theWarmSessionGivesWhatAFreshSessionGives() {
        List<Profile> all = scenarioAndGeneratedProfiles(7);
        for (Profile profile : all) {
            Ranking warm = engine.rank(profile, TestKnowledge.AS_OF);
            Ranking fresh = engine.rankFresh(profile, TestKnowledge.AS_OF);
            assertEquals(KnowledgeAudit.describe(fresh), KnowledgeAudit.describe(warm), profile.toString());
        }
    }

    @Test
    void aRankingWhoseGroupsAreAllRecalledGivesWhatAFreshSessionGives() {
        List<Profile> all = scenarioAndGeneratedProfiles(19);
        all.addAll(GeneratedProfiles.of(knowledge.questionnaire(), 60, 23, true));   // stacks too: pairing rules
        assertTrue(new AnswerGroups(knowledge.rules().kieBase(), knowledge.rules().profileReads(), new RuleIndex(knowledge)).profileFree(),
                "every bundled rule is in a kept group or reads nothing of the profile, so the rules are not asked again");
        try (Engine.Asker asker = engine.ask(TestKnowledge.AS_OF)) {
            for (Profile profile : all) {
                asker.rank(profile);   // the first time fires the groups not seen yet; then they are all kept
                Ranking fresh = engine.rankFresh(profile, TestKnowledge.AS_OF);
                assertEquals(KnowledgeAudit.describe(fresh), KnowledgeAudit.describe(asker.rank(profile)), profile.toString());
                assertEquals(KnowledgeAudit.describeFitting(fresh), KnowledgeAudit.describeFitting(asker.rankFitting(profile)),
                        profile.toString());
                assertEquals(KnowledgeAudit.describeScreen(fresh), KnowledgeAudit.describe(asker.screen(profile)), profile.toString());
            }
        }
    }

    @Test
    void rankingTheFittingOnlyChangesNothingForThemNorAnyExclusion() {
        List<Profile> all = scenarioAndGeneratedProfiles(13);
        int skipped = 0;
        try (Engine.Asker asker = engine.ask(TestKnowledge.AS_OF)) {
            for (Profile profile : all) {
                Ranking full = asker.rank(profile);
                Ranking fittingOnly = asker.rankFitting(profile);
                assertTrue(full.complete());
                assertFalse(fittingOnly.complete());
                assertEquals(KnowledgeAudit.describeFitting(full), KnowledgeAudit.describeFitting(fittingOnly), profile.toString());
                skipped += full.excluded().stream().mapToInt(a -> a.reasons().size()).sum()
                        - fittingOnly.excluded().stream().mapToInt(a -> a.reasons().size()).sum();
            }
        }
        assertTrue(skipped > all.size(), "excluded libraries' score lines were skipped: " + skipped);
    }

    @Test
    void aScreenFindsWhatARankingFindsAndLeavesTheSessionAsItWas() {
        List<Profile> all = scenarioAndGeneratedProfiles(17);
        try (Engine.Asker asker = engine.ask(TestKnowledge.AS_OF)) {
            for (int i = 0; i < all.size(); i++) {
                Profile profile = all.get(i);
                Screen screen = asker.screen(profile);
                Ranking fresh = engine.rankFresh(profile, TestKnowledge.AS_OF);
                assertEquals(KnowledgeAudit.describeScreen(fresh), KnowledgeAudit.describe(screen), profile.toString());
                // The score rules a screen leaves unmatched must not leak into the next ranking.
                Profile next = all.get((i + 1) % all.size());
                Ranking after = i % 2 == 0 ? asker.rank(next) : asker.rankFitting(next);
                Ranking expected = engine.rankFresh(next, TestKnowledge.AS_OF);
                assertEquals(i % 2 == 0 ? KnowledgeAudit.describe(expected) : KnowledgeAudit.describeFitting(expected),
                        i % 2 == 0 ? KnowledgeAudit.describe(after) : KnowledgeAudit.describeFitting(after), next.toString());
            }
        }
    }

    @Test
    void concurrentRankingsAgreeWithOneThread() throws Exception {
        List<Profile> sample = GeneratedProfiles.of(knowledge.questionnaire(), 40, 11, false);
        List<String> expected = sample.stream().map(p -> KnowledgeAudit.describe(engine.rank(p, TestKnowledge.AS_OF))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                checks.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < sample.size(); i++) {
                            if (!expected.get(i).equals(KnowledgeAudit.describe(engine.rank(sample.get(i), TestKnowledge.AS_OF)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBorrowedSessionRanksSeveralProfilesInARow() {
        Profile a = profiles.read("{\"databases\":[\"postgresql\"]}");
        Profile b = profiles.read("{\"purpose\":\"cache\",\"sharedBy\":\"one-process\"}");
        try (Engine.Asker asker = engine.ask(TestKnowledge.AS_OF)) {
            assertEquals(KnowledgeAudit.describe(engine.rankFresh(a, TestKnowledge.AS_OF)), KnowledgeAudit.describe(asker.rank(a)));
            assertEquals(KnowledgeAudit.describe(engine.rankFresh(b, TestKnowledge.AS_OF)), KnowledgeAudit.describe(asker.rank(b)));
            assertEquals(KnowledgeAudit.describe(engine.rankFresh(a, TestKnowledge.AS_OF)), KnowledgeAudit.describe(asker.rank(a)));
        }
    }

    @Test
    void anUnknownEvaluationDateIsRejected() {
        assertThrows(RuntimeException.class, () -> new Evaluation("2026-13-01", 6));
    }

    @Test
    void aRuleThatKeepsInsertingWhatItMatchesIsNamedNotTheRulesItReTriggers(@TempDir Path folder) throws IOException {
        Engine looping = withRule(folder, "echo.drl", """
                package dev.dbpick.rules;

                import dev.dbpick.recommendation.Activity;

                rule "Echo"
                when
                    Activity($library: library, $months: months)
                then
                    insert(new Activity($library, "echo", $months + 1));
                end
                """);
        RunawayRuleException e = assertThrows(RunawayRuleException.class, () -> looping.rank(profiles.read("{}"), TestKnowledge.AS_OF));
        assertTrue(e.getMessage().contains("rule \"Echo\""), e.getMessage());
        assertTrue(e.getMessage().contains("rules/echo.drl:5"), e.getMessage());
    }

    @Test
    void aRuleWhoseConsequenceThrowsIsNamedWithWhatWentWrong(@TempDir Path folder) throws IOException {
        Engine failing = withRule(folder, "boom.drl", """
                package dev.dbpick.rules;

                import dev.dbpick.catalog.Library;
                import dev.dbpick.recommendation.Score;

                rule "Boom"
                when
                    Library($id: id, id == "sqlalchemy")
                then
                    int zero = 0;
                    insert(new Score($id, 1 / zero, "never"));
                end
                """);
        RuleFailedException e = assertThrows(RuleFailedException.class, () -> failing.rank(profiles.read("{}"), TestKnowledge.AS_OF));
        assertEquals("rule \"Boom\" failed (rules/boom.drl:6): / by zero", e.getMessage());
    }

    /** An engine over the bundled rules plus one more file. */
    private static Engine withRule(Path folder, String name, String drl) throws IOException {
        Path rules = folder.resolve("rules");
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            Files.createDirectories(rules);
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.copy(file, rules.resolve(file.getFileName().toString()));
            }
        }
        Files.writeString(rules.resolve(name), drl);
        return new Engine(Knowledge.of(TestKnowledge.data(),
                Rules.compile(new KnowledgeFolder("rules", rules), CompiledRulesCache.disabled())));
    }

    /** Every scenario's profile (a whole data layer aside) and 300 generated ones. */
    private List<Profile> scenarioAndGeneratedProfiles(long seed) {
        List<Profile> all = new ArrayList<>();
        new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(TestKnowledge.RULES).stream()
                .map(Scenario::profile).filter(p -> !"stack".equals(p.purpose())).forEach(all::add);
        all.addAll(GeneratedProfiles.of(knowledge.questionnaire(), 300, seed, false));
        return all;
    }

    private Ranking rank(String json) {
        return engine.rank(profiles.read(json), TestKnowledge.AS_OF);
    }
}
