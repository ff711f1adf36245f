package dev.dbpick.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pipenv's {@code Pipfile}: {@code [packages]}, {@code [dev-packages]}, other package categories,
 * and {@code [requires]} python_version or python_full_version.
 */
final class Pipfile {

    private static final Set<String> NOT_PACKAGES = Set.of("source", "requires", "pipenv", "scripts", "packages",
            "dev-packages");

    private Pipfile() {
    }

    static void read(Path path, Reading reading) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        JsonNode doc = Toml.parse(file);
        JsonNode requires = doc.path("requires");
        for (String key : List.of("python_full_version", "python_version")) {
            if (requires.path(key).isTextual()) {
                String version = requires.path(key).asText().strip();
                String range = version.matches("\\d+(\\.\\d+)*") ? "==" + version + (key.equals("python_version") ? ".*" : "")
                        : version;
                int line = Toml.line(file, "requires", Toml.key(key));
                reading.python(Pyproject.range(range, file, line), key + " = \"" + version + "\"", file.at(line), 1);
                break;
            }
        }
        packages(doc, "packages", Scope.RUNTIME, file, reading);
        packages(doc, "dev-packages", Scope.DEVELOPMENT, file, reading);
        Pyproject.fields(doc, file, "").forEach((category, table) -> {
            if (!NOT_PACKAGES.contains(category) && table.isObject()) {
                packages(doc, category, Scope.ofName(category, Scope.OPTIONAL), file, reading);
            }
        });
    }

    private static void packages(JsonNode doc, String category, Scope scope, TextFile file, Reading reading) {
        Pyproject.fields(doc.path(category), file, category).forEach((name, value) -> {
            int line = Toml.line(file, category, Toml.key(name));
            List<String> extras = new ArrayList<>();
            Marker marker = Marker.ALWAYS;
            String version;
            if (value.isTextual()) {
                version = value.asText();
            } else if (value.isObject()) {
                version = value.path("version").asText("*");
                value.path("extras").forEach(e -> extras.add(Requirement.normalize(e.asText())));
                if (value.path("markers").isTextual()) {
                    marker = Pyproject.marker(value.path("markers").asText(), file, line);
                }
            } else {
                throw file.error(line, category + "." + name + " must be a version string or a table");
            }
            if (!version.isBlank() && !version.strip().equals("*")) {
                Pyproject.range(version, file, line);
            }
            reading.add(new Requirement(Requirement.normalize(name), name + " " + version.strip(), extras, marker,
                    file.at(line), scope, scope == Scope.RUNTIME ? null : category, true));
        });
    }
}
