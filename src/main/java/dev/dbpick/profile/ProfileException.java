package dev.dbpick.profile;

/** A profile that cannot be understood; the message is one line naming the field. Exit code 2. */
public final class ProfileException extends RuntimeException {

    public ProfileException(String message) {
        super(message);
    }
}
