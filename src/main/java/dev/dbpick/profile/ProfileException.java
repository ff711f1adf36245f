package dev.dbpick.profile;

import java.util.List;

/**
 * A profile that cannot be understood; the message is one line naming the field. Exit code 2
 * on the command line, 400 over HTTP, where {@link #field()} and {@link #allowed()} are also
 * given as structured data.
 */
public final class ProfileException extends RuntimeException {

    private final String field;
    private final List<String> allowed;

    public ProfileException(String message) {
        this(message, null, List.of());
    }

    public ProfileException(String message, String field, List<String> allowed) {
        super(message);
        this.field = field;
        this.allowed = List.copyOf(allowed);
    }

    /** The offending field, or null when the document as a whole is at fault. */
    public String field() {
        return field;
    }

    /** The values the field allows; empty when not applicable. */
    public List<String> allowed() {
        return allowed;
    }
}
