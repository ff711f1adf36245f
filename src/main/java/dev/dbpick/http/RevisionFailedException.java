package dev.dbpick.http;

/**
 * The knowledge in service could not answer this request in time or in memory: 503, naming
 * the revision and, when known, the rule ({@link RevisionFailedHandler}).
 */
public final class RevisionFailedException extends RuntimeException {

    private final String revision;
    private final String rule;
    private final boolean rolledBack;

    RevisionFailedException(String revision, String rule, String detail, boolean rolledBack) {
        super(detail);
        this.revision = revision;
        this.rule = rule;
        this.rolledBack = rolledBack;
    }

    public String revision() {
        return revision;
    }

    /** The rule the ranking was at, or null. */
    public String rule() {
        return rule;
    }

    /** Whether the service has switched back to an earlier revision since. */
    public boolean rolledBack() {
        return rolledBack;
    }
}
