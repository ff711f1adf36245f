package dev.dbpick.scenario;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.RuleValues;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.support.KnowledgeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks knowledge must pass before it is used: the rules compile, the data is valid, every
 * value a rule tests for exists, and every scenario holds. What the service's reload runs (in a
 * separate process, with a time limit) and what {@code dbpick serve} runs at start.
 */
public final class Gate {

    /**
     * The outcome: {@code failed} of {@code scenarios} scenarios failed, and every problem, one
     * line each (a compile error with file and line, or a failing scenario with what it expected).
     */
    public record Verdict(boolean passed, String revision, int scenarios, int failed, List<String> problems) {

        public Verdict {
            problems = List.copyOf(problems);
        }

        /** One line saying what is wrong, for a log. */
        public String summary() {
            return failed > 0 ? failed + " of " + scenarios + " scenario(s) fail" : problems.size() + " problem(s) in the rules or data";
        }
    }

    private Gate() {
    }

    /** Builds the knowledge of two folders and checks it; the engine is handed back when it passes. */
    public static Checked check(KnowledgeFolder rules, KnowledgeFolder data) {
        return check(rules, data, CompiledRulesCache.disabled());
    }

    /**
     * As {@link #check(KnowledgeFolder, KnowledgeFolder)}, keeping the compiled rules in
     * {@code cache} (for the service to load instead of compiling them again); the rules are
     * always compiled here, whatever the cache holds.
     */
    public static Checked check(KnowledgeFolder rules, KnowledgeFolder data, CompiledRulesCache cache) {
        Knowledge knowledge;
        try {
            knowledge = Knowledge.load(rules, data, cache.storeOnly());
            List<String> values = RuleValues.check(knowledge.rules().files(), knowledge.data());
            if (!values.isEmpty()) {
                return new Checked(new Verdict(false, knowledge.revision(), 0, 0, values), null);
            }
        } catch (KnowledgeException e) {
            return new Checked(new Verdict(false, null, 0, 0, e.problems()), null);
        }
        Engine engine = new Engine(knowledge);
        try {
            List<Scenario> scenarios = new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(rules);
            List<String> problems = new ArrayList<>();
            int failed = 0;
            for (ScenarioResult result : ScenarioRunner.run(engine, scenarios)) {
                if (!result.passed()) {
                    failed++;
                    result.failures().forEach(f -> problems.add(result.scenario().source() + ": " + result.scenario().name() + ": " + f));
                }
            }
            Verdict verdict = new Verdict(failed == 0, knowledge.revision(), scenarios.size(), failed, problems);
            return new Checked(verdict, failed == 0 ? engine : null);
        } catch (KnowledgeException e) {
            return new Checked(new Verdict(false, knowledge.revision(), 0, 0, e.problems()), null);
        }
    }

    /** A verdict, and the engine over the knowledge when it passed. */
    public record Checked(Verdict verdict, Engine engine) {
    }
}
