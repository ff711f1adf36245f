package dev.dbpick.project;

import java.util.List;

/**
 * What a Python project's files declare, in the order read: its dependencies and the Python
 * versions it says it supports. Nothing is judged here; {@link Inference} does that.
 *
 * @param path         the folder or file given, as given
 * @param files        the files read, relative to the project folder
 * @param requirements every dependency found, declared ones first
 * @param pythons      every statement of supported Python versions, most authoritative first
 * @param notes        what was read but not used (URLs, editable installs, setup.py)
 */
public record PythonProject(String path, List<String> files, List<Requirement> requirements, List<Python> pythons,
                            List<String> notes) {

    public PythonProject {
        files = List.copyOf(files);
        requirements = List.copyOf(requirements);
        pythons = List.copyOf(pythons);
        notes = List.copyOf(notes);
    }

    /**
     * Supported Python versions as one file states them.
     *
     * @param written how the file writes it, e.g. {@code requires-python = ">=3.11"}
     * @param rank    how much it counts: 0 for requires-python, higher for lock files and
     *                {@code .python-version}
     */
    public record Python(VersionRange range, String written, Location at, int rank) {
    }
}
