package dev.dbpick.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What has been read so far of one project; the readers of each file kind add to it. */
final class Reading {

    /** Files a project may pull in through includes and workspace members. */
    static final int MAX_FILES = 200;

    final Path root;
    private final String given;
    private final Set<Path> seen = new HashSet<>();
    private final List<String> files = new ArrayList<>();
    final List<Requirement> requirements = new ArrayList<>();
    final List<PythonProject.Python> pythons = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Reading(Path root, String given) {
        this.root = root;
        this.given = given;
    }

    /** The file's name relative to the project folder, "/" separated. */
    String name(Path path) {
        Path relative;
        try {
            relative = root.relativize(path.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            relative = path;
        }
        return relative.toString().replace('\\', '/');
    }

    /** Reads a file once: null when it was read before (an include cycle, a file named twice). */
    TextFile open(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path.toAbsolutePath().normalize();
        }
        if (!seen.add(real)) {
            return null;
        }
        if (seen.size() > MAX_FILES) {
            throw new ProjectException(name(path) + ": more than " + MAX_FILES + " files to read; is this one project?");
        }
        if (Files.isDirectory(path)) {
            throw new ProjectException(name(path) + ": a folder where a file was expected");
        }
        TextFile file = TextFile.read(path, name(path));
        files.add(file.name());
        return file;
    }

    void add(Requirement requirement) {
        requirements.add(requirement);
    }

    void python(VersionRange range, String written, Location at, int rank) {
        pythons.add(new PythonProject.Python(range, written, at, rank));
    }

    void note(String note) {
        notes.add(note);
    }

    PythonProject result() {
        List<Requirement> ordered = new ArrayList<>(requirements.stream().filter(Requirement::direct).toList());
        ordered.addAll(requirements.stream().filter(r -> !r.direct()).toList());
        List<PythonProject.Python> byRank = pythons.stream()
                .sorted(java.util.Comparator.comparingInt(PythonProject.Python::rank)).toList();
        return new PythonProject(given, files, ordered, byRank, notes);
    }
}
