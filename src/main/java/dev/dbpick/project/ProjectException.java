package dev.dbpick.project;

/**
 * A project that cannot be read: a missing path, a file too large or not text, a syntax error.
 * The message is one line naming the file and, where there is one, the line; exit code 2.
 */
public final class ProjectException extends RuntimeException {

    public ProjectException(String message) {
        super(message);
    }
}
