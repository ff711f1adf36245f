package dev.dbpick.recommendation;

/**
 * A ranking ran past its time budget ({@link Deadline}): the rules in service take too long for
 * this profile. Names the rule that was about to fire when the time ran out, when one was.
 */
public final class RankingTimeoutException extends RuntimeException {

    private final String rule;
    private final String location;

    RankingTimeoutException(String rule, String location) {
        super(rule == null ? "the ranking ran past its time budget"
                : "the ranking ran past its time budget at rule \"" + rule + "\" (" + location + ")");
        this.rule = rule;
        this.location = location;
    }

    /** The rule about to fire when the time ran out; null when none was. */
    public String rule() {
        return rule;
    }

    /** Where that rule is declared, {@code file:line}; null with no rule. */
    public String location() {
        return location;
    }
}
