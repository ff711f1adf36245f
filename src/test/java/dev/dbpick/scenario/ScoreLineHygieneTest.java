package dev.dbpick.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.recommendation.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Score lines must carry information. Over every scenario profile: no rule gives the same points
 * to nearly every library that fits (a line that says the same of all of them decides nothing),
 * and no library gets two lines from one rule with the same text (one fact, one line).
 */
class ScoreLineHygieneTest {

    private static final int MIN_FITTING = 6;
    private static final double NEARLY_ALL = 0.9;

    private final Knowledge knowledge = TestKnowledge.knowledge();
    private final List<Scenario> scenarios =
            new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(TestKnowledge.RULES);

    @Test
    void noRuleSaysTheSameOfNearlyEveryFittingLibrary() {
        List<String> noise = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<Assessment> fitting = TestKnowledge.engine().rank(scenario.profile(), scenario.asOf()).fitting();
            if (fitting.size() < MIN_FITTING) {
                continue;
            }
            Map<String, Integer> sameLine = new HashMap<>();
            for (Assessment a : fitting) {
                a.reasons().stream().map(r -> r.rule() + " " + r.points())
                        .distinct().forEach(line -> sameLine.merge(line, 1, Integer::sum));
            }
            sameLine.forEach((line, count) -> {
                if (count >= NEARLY_ALL * fitting.size()) {
                    noise.add(scenario.name() + ": " + line + " on " + count + " of " + fitting.size());
                }
            });
        }
        assertEquals(List.of(), noise);
    }

    @Test
    void noLibraryGetsTheSameLineTwice() {
        List<String> repeated = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Ranking ranking = TestKnowledge.engine().rank(scenario.profile(), scenario.asOf());
            for (Assessment a : ranking.fitting()) {
                a.reasons().stream().collect(Collectors.groupingBy(Reason::text, Collectors.counting()))
                        .forEach((text, count) -> {
                            if (count > 1) {
                                repeated.add(scenario.name() + ": " + a.id() + ": \"" + text + "\" x" + count);
                            }
                        });
            }
        }
        assertEquals(List.of(), repeated);
    }
}
