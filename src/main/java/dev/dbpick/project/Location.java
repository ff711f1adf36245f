package dev.dbpick.project;

/**
 * Where something was read: a file named relative to the project folder, and a line (1-based).
 */
public record Location(String file, int line) {

    public Location {
        if (file == null || file.isBlank() || line < 1) {
            throw new IllegalArgumentException("a location needs a file and a line from 1, got " + file + ":" + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
