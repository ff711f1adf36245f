package dev.dbpick.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbpick.TestKnowledge;
import dev.dbpick.knowledge.Knowledge;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The knowledge audit that {@code dbpick rules check} runs, on the bundled knowledge: score lines
 * carry information (no rule says the same of nearly every fitting library, one fact one line),
 * every rule file compiles on its own, and a warm session ranks as a fresh one.
 */
class ScoreLineHygieneTest {

    private final Knowledge knowledge = TestKnowledge.knowledge();
    private final List<Scenario> scenarios =
            new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(TestKnowledge.RULES);

    @Test
    void noRuleSaysTheSameOfNearlyEveryFittingLibrary() {
        assertEquals(List.of(), KnowledgeAudit.noise(TestKnowledge.engine(), scenarios));
    }

    @Test
    void noLibraryGetsTheSameLineTwice() {
        assertEquals(List.of(), KnowledgeAudit.repeatedLines(TestKnowledge.engine(), scenarios));
    }

    @Test
    void theWholeAuditOfRulesCheckFindsNothing() {
        assertEquals(List.of(), KnowledgeAudit.run(knowledge, scenarios));
    }
}
