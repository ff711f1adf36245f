package dev.dbpick.ask;

/** The user left the questionnaire (Ctrl-C or end of input); nothing is written. */
public final class AbandonedException extends RuntimeException {

    public AbandonedException(String how) {
        super("questionnaire abandoned (" + how + "); nothing was saved");
    }
}
