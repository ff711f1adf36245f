package dev.dbpick.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a Python project from a folder or from one of its files, without running anything.
 *
 * <p>In a folder: {@code pyproject.toml} (and the members of a uv workspace), {@code setup.cfg},
 * {@code Pipfile}, {@code requirements*.txt} and {@code requirements*.in} beside it and in a
 * {@code requirements/} folder (with their {@code -r} includes), {@code uv.lock},
 * {@code poetry.lock} and {@code .python-version}. A file given alone is read by its name; any
 * other {@code *.txt} or {@code *.in} as a requirements file, any other {@code *.toml} as a
 * pyproject.toml.
 */
public final class ProjectReader {

    private static final String KINDS = "pyproject.toml, requirements*.txt, Pipfile, setup.cfg, uv.lock or poetry.lock";

    private ProjectReader() {
    }

    /**
     * Reads the project at {@code path}.
     *
     * @throws ProjectException for a missing path, a folder with nothing to read, a file of an
     *                          unknown kind, too large or not text, or a syntax error
     */
    public static PythonProject read(Path path) {
        String given = path.toString();
        if (!Files.exists(path)) {
            throw new ProjectException("cannot read project " + given + ": no such file or folder");
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            Reading reading = new Reading(absolute, given);
            readFolder(absolute, reading);
            if (reading.result().files().isEmpty()) {
                throw new ProjectException("cannot read project " + given + ": no " + KINDS + " in it"
                        + (Files.exists(absolute.resolve("setup.py")) ? " (setup.py is a program, and dbpick runs nothing)" : ""));
            }
            return reading.result();
        }
        Reading reading = new Reading(absolute.getParent(), given);
        readFile(absolute, reading);
        return reading.result();
    }

    private static void readFolder(Path folder, Reading reading) {
        ifFile(folder.resolve("pyproject.toml"), p -> Pyproject.read(p, reading, true));
        ifFile(folder.resolve("setup.cfg"), p -> SetupCfg.read(p, reading));
        ifFile(folder.resolve("Pipfile"), p -> Pipfile.read(p, reading));
        requirementsFiles(folder).forEach(p -> RequirementsFile.read(p, reading));
        Path subfolder = folder.resolve("requirements");
        if (Files.isDirectory(subfolder)) {
            requirementsFiles(subfolder).forEach(p -> RequirementsFile.read(p, reading));
        }
        ifFile(folder.resolve("uv.lock"), p -> LockFile.readUv(p, reading));
        ifFile(folder.resolve("poetry.lock"), p -> LockFile.readPoetry(p, reading));
        ifFile(folder.resolve(".python-version"), p -> PythonVersionFile.read(p, reading));
        if (Files.exists(folder.resolve("setup.py"))) {
            reading.note("setup.py: not read (it is a program, and dbpick runs nothing)");
        }
    }

    private static void readFile(Path file, Reading reading) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "pipfile" -> Pipfile.read(file, reading);
            case "setup.cfg" -> SetupCfg.read(file, reading);
            case "uv.lock" -> LockFile.readUv(file, reading);
            case "poetry.lock" -> LockFile.readPoetry(file, reading);
            case ".python-version" -> PythonVersionFile.read(file, reading);
            case "setup.py" -> throw new ProjectException("cannot read project " + reading.name(file)
                    + ": setup.py is a program, and dbpick runs nothing; give " + KINDS);
            default -> {
                if (lower.endsWith(".toml")) {
                    Pyproject.read(file, reading, true);
                } else if (lower.endsWith(".txt") || lower.endsWith(".in")) {
                    RequirementsFile.read(file, reading);
                } else {
                    throw new ProjectException("cannot read project " + reading.name(file) + ": not a file dbpick knows; give "
                            + KINDS + ", or the project's folder");
                }
            }
        }
    }

    /** requirements*.txt and requirements*.in (all *.txt and *.in inside a requirements/ folder), sorted, requirements.txt first. */
    private static List<Path> requirementsFiles(Path folder) {
        boolean inside = folder.getFileName() != null && folder.getFileName().toString().equals("requirements");
        List<Path> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".txt") || n.endsWith(".in")) && (inside || n.startsWith("requirements"));
            }).sorted((a, b) -> order(a).compareTo(order(b))).forEach(found::add);
        } catch (IOException e) {
            throw new ProjectException("cannot list " + folder + ": " + e.getMessage());
        }
        return found;
    }

    private static String order(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.equals("requirements.in") ? "0" : n.equals("requirements.txt") ? "1" : n.endsWith(".in") ? "2" : "3") + n;
    }

    private static void ifFile(Path path, java.util.function.Consumer<Path> read) {
        if (Files.isRegularFile(path)) {
            read.accept(path);
        } else if (Files.isDirectory(path)) {
            throw new ProjectException("cannot read project: " + path.getFileName() + " is a folder");
        }
    }
}
