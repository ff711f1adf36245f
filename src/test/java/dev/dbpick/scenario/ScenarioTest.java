package dev.dbpick.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Knowledge;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario of rules/scenarios/ as its own test: the same check as 'dbpick rules test'. */
class ScenarioTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioHolds() {
        Knowledge knowledge = TestKnowledge.knowledge();
        List<Scenario> scenarios = new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(TestKnowledge.RULES);
        assertFalse(scenarios.isEmpty(), "no scenarios under rules/scenarios/");
        return ScenarioRunner.run(TestKnowledge.engine(), scenarios).stream().map(result -> dynamicTest(
                result.scenario().name(),
                () -> assertTrue(result.passed(), String.join("\n", result.failures()))));
    }
}
