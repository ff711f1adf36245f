package dev.dbpick.recommendation;

import dev.dbpick.support.KnowledgeException;

/**
 * A ranking stopped because the rules fired more often than any sound rule set needs: a rule
 * keeps re-triggering itself. The message names the rule and where it is declared.
 */
public final class RunawayRuleException extends KnowledgeException {

    private final String rule;

    RunawayRuleException(String rule, String location, int limit) {
        super("rule \"" + rule + "\" fired more than " + limit + " times: it probably re-triggers itself (" + location + ")");
        this.rule = rule;
    }

    /** The rule that fired most. */
    public String rule() {
        return rule;
    }
}
