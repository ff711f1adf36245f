package dev.dbpick.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code pyproject.toml}: PEP 621's {@code [project]} (requires-python, dependencies,
 * optional-dependencies), PEP 735's {@code [dependency-groups]} (uv and PDM), Poetry's
 * {@code [tool.poetry]} dependencies and groups, PDM's and uv's dev-dependencies, and a uv
 * workspace's members, each read as a pyproject.toml of its own.
 */
final class Pyproject {

    private Pyproject() {
    }

    static void read(Path path, Reading reading, boolean root) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        JsonNode doc = Toml.parse(file);
        JsonNode project = doc.path("project");
        text(project, "requires-python", file).ifPresent(written -> python(reading, file, "project", "requires-python",
                written, 0));
        for (String spec : strings(project.path("dependencies"), file, "project.dependencies")) {
            pep508(spec, file, "project", Scope.RUNTIME, null, reading);
        }
        fields(project.path("optional-dependencies"), file, "project.optional-dependencies").forEach((group, list) -> {
            for (String spec : strings(list, file, "project.optional-dependencies." + group)) {
                pep508(spec, file, "project.optional-dependencies", Scope.ofName(group, Scope.OPTIONAL), group, reading);
            }
        });
        groups(doc.path("dependency-groups"), file, "dependency-groups", reading);
        poetry(doc.path("tool").path("poetry"), file, reading);
        groups(doc.path("tool").path("pdm").path("dev-dependencies"), file, "tool.pdm.dev-dependencies", reading);
        for (String spec : strings(doc.path("tool").path("uv").path("dev-dependencies"), file, "tool.uv.dev-dependencies")) {
            pep508(spec, file, "tool.uv", Scope.DEVELOPMENT, "dev", reading);
        }
        JsonNode workspace = doc.path("tool").path("uv").path("workspace");
        if (root && workspace.isObject()) {
            members(path.toAbsolutePath().getParent(), workspace, file, reading);
        }
    }

    /** Dependency groups: a table of lists of PEP 508 strings ({@code {include-group = ...}} entries are followed by name). */
    private static void groups(JsonNode table, TextFile file, String where, Reading reading) {
        fields(table, file, where).forEach((group, list) -> {
            if (!list.isArray()) {
                throw file.error(Toml.line(file, where, Toml.key(group)), where + "." + group + " must be a list");
            }
            for (JsonNode item : list) {
                if (item.isTextual()) {
                    pep508(item.asText(), file, where, Scope.DEVELOPMENT, group, reading);
                }
            }
        });
    }

    private static void poetry(JsonNode poetry, TextFile file, Reading reading) {
        fields(poetry.path("dependencies"), file, "tool.poetry.dependencies").forEach((name, value) ->
                poetryDependency(name, value, file, "tool.poetry.dependencies", Scope.RUNTIME, null, reading));
        fields(poetry.path("dev-dependencies"), file, "tool.poetry.dev-dependencies").forEach((name, value) ->
                poetryDependency(name, value, file, "tool.poetry.dev-dependencies", Scope.DEVELOPMENT, "dev", reading));
        fields(poetry.path("group"), file, "tool.poetry.group").forEach((group, table) -> {
            String where = "tool.poetry.group." + group + ".dependencies";
            fields(table.path("dependencies"), file, where).forEach((name, value) ->
                    poetryDependency(name, value, file, where, Scope.DEVELOPMENT, group, reading));
        });
    }

    /** A Poetry dependency: a constraint string, a table (version, extras, markers, python, optional) or a list of tables. */
    private static void poetryDependency(String name, JsonNode value, TextFile file, String table, Scope scope,
                                         String group, Reading reading) {
        int line = Toml.line(file, table, Toml.key(name));
        if (name.equalsIgnoreCase("python")) {
            if (value.isTextual() && scope == Scope.RUNTIME) {
                python(reading, file, table, "python", value.asText(), 1);
            }
            return;
        }
        // Several constraints, each for some Pythons or platforms: the first says the extras, and
        // the dependency holds wherever any of them does.
        boolean several = value.isArray() && !value.isEmpty();
        JsonNode spec = several ? value.get(0) : value;
        List<String> extras = new ArrayList<>();
        Marker marker = Marker.ALWAYS;
        Scope declared = scope;
        String version = spec.isTextual() ? spec.asText() : spec.path("version").asText("");
        if (spec.isObject()) {
            spec.path("extras").forEach(e -> extras.add(Requirement.normalize(e.asText())));
            if (several) {
                marker = Marker.ALWAYS;
            } else if (spec.path("markers").isTextual()) {
                marker = marker(spec.path("markers").asText(), file, line);
            } else if (spec.path("python").isTextual()) {
                marker = Marker.python(range(spec.path("python").asText(), file, line));
            }
            if (spec.path("optional").asBoolean(false) && scope == Scope.RUNTIME) {
                declared = Scope.OPTIONAL;
            }
        } else if (!spec.isTextual()) {
            throw file.error(line, table + "." + name + " must be a version string or a table");
        }
        if (!version.isBlank()) {
            range(version, file, line);
        }
        reading.add(new Requirement(Requirement.normalize(name), name + " " + (version.isBlank() ? "*" : version).strip(),
                extras, marker, file.at(line), declared, group, true));
    }

    private static void members(Path folder, JsonNode workspace, TextFile file, Reading reading) {
        List<PathMatcher> excluded = new ArrayList<>();
        for (String pattern : strings(workspace.path("exclude"), file, "tool.uv.workspace.exclude")) {
            excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        }
        for (String pattern : strings(workspace.path("members"), file, "tool.uv.workspace.members")) {
            PathMatcher member = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            List<Path> found;
            try (Stream<Path> walk = Files.walk(folder, 4)) {
                found = walk.filter(Files::isDirectory)
                        .filter(d -> !d.equals(folder))
                        .filter(d -> member.matches(folder.relativize(d)))
                        .filter(d -> excluded.stream().noneMatch(x -> x.matches(folder.relativize(d))))
                        .filter(d -> Files.isRegularFile(d.resolve("pyproject.toml")))
                        .sorted().toList();
            } catch (IOException e) {
                throw new ProjectException(file.name() + ": cannot list the workspace members: " + e.getMessage());
            }
            if (found.isEmpty()) {
                reading.note(file.at(Toml.line(file, "tool.uv.workspace", Toml.quoted(pattern)))
                        + ": no workspace member matches \"" + pattern + "\"");
            }
            found.forEach(d -> read(d.resolve("pyproject.toml"), reading, false));
        }
    }

    private static void pep508(String spec, TextFile file, String table, Scope scope, String group, Reading reading) {
        int line = Toml.line(file, table, Toml.quoted(spec));
        Pep508.Parsed parsed;
        try {
            parsed = Pep508.parse(spec);
        } catch (IllegalArgumentException e) {
            throw file.error(line, e.getMessage());
        }
        reading.add(new Requirement(parsed.name(), spec.strip(), parsed.extras(), parsed.marker(), file.at(line), scope, group,
                true));
    }

    static void python(Reading reading, TextFile file, String table, String key, String written, int rank) {
        int line = Toml.line(file, table, Toml.key(key));
        reading.python(range(written, file, line), key + " \"" + written + "\"", file.at(line), rank);
    }

    static VersionRange range(String text, TextFile file, int line) {
        try {
            return VersionRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw file.error(line, e.getMessage());
        }
    }

    static Marker marker(String text, TextFile file, int line) {
        try {
            return Marker.parse(text);
        } catch (IllegalArgumentException e) {
            throw file.error(line, e.getMessage());
        }
    }

    static java.util.Optional<String> text(JsonNode table, String key, TextFile file) {
        JsonNode value = table.get(key);
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!value.isTextual()) {
            throw file.error(Toml.line(file, "", Toml.key(key)), key + " must be a string");
        }
        return java.util.Optional.of(value.asText());
    }

    /** The strings of a list (none when absent); anything else in it is an error at its line. */
    static List<String> strings(JsonNode list, TextFile file, String where) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        String table = where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : "";
        String key = where.substring(where.lastIndexOf('.') + 1);
        if (!list.isArray()) {
            throw file.error(Toml.line(file, table, Toml.key(key)), where + " must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw file.error(Toml.line(file, table, Toml.key(key)), where + " must be a list of strings");
            }
            strings.add(item.asText());
        }
        return strings;
    }

    /** The entries of a table, in order (none when absent). */
    static Map<String, JsonNode> fields(JsonNode table, TextFile file, String where) {
        Map<String, JsonNode> entries = new java.util.LinkedHashMap<>();
        if (table.isMissingNode() || table.isNull()) {
            return entries;
        }
        if (!table.isObject()) {
            String parent = where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : "";
            throw file.error(Toml.line(file, parent, Toml.key(where.substring(where.lastIndexOf('.') + 1))),
                    where + " must be a table");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            entries.put(e.getKey(), e.getValue());
        }
        return entries;
    }
}
