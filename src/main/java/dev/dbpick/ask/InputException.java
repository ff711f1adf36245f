package dev.dbpick.ask;

/** Input the questionnaire cannot take as an answer at all (a line of megabytes, binary data); a usage error. */
public final class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }
}
