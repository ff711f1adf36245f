package dev.dbpick.refresh;

/** A request that gave no usable answer; the message says why in a few words, for a warning line. */
final class FetchException extends Exception {

    /** Why a request failed. */
    enum Kind {
        /** The server answered 404: the package is not there. */
        NOT_FOUND,
        /** No connection could be made, or it broke. */
        UNREACHABLE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** 429 or 5xx after every retry. */
        GAVE_UP,
        /** Another status. */
        HTTP_ERROR,
        /** The answer is not the document the source documents. */
        MALFORMED,
        /** --offline, and the cache has no answer. */
        NOT_CACHED
    }

    private final Kind kind;

    FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** True when the source as a whole cannot be reached, so asking it again is pointless this run. */
    boolean sourceDown() {
        return kind == Kind.UNREACHABLE;
    }

    /** True for a source that is struggling (no answer in time, or errors past the retries): twice in a row and it is down. */
    static boolean struggling(Kind kind) {
        return kind == Kind.TIMEOUT || kind == Kind.GAVE_UP;
    }
}
