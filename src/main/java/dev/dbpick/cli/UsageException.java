package dev.dbpick.cli;

/** A command-line request that cannot be carried out as given (exit code 2). */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
