package dev.dbpick.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code uv.lock} and {@code poetry.lock}. A lock lists everything installed, most of it only
 * because something else needs it, so its packages count as indirect. uv's lock also records
 * what the project's own packages (the editable or virtual ones) declare: those are direct, which
 * matters when pyproject.toml computes its dependencies at build time. Both give the Python
 * versions the lock was made for.
 */
final class LockFile {

    private LockFile() {
    }

    static void readUv(Path path, Reading reading) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        JsonNode doc = Toml.parse(file);
        Map<String, Integer> lines = packageLines(file);
        if (doc.path("requires-python").isTextual()) {
            Pyproject.python(reading, file, "", "requires-python", doc.path("requires-python").asText(), 2);
        }
        for (JsonNode pkg : doc.path("package")) {
            String name = pkg.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            int line = lines.getOrDefault(name, 1);
            JsonNode source = pkg.path("source");
            boolean own = source.has("editable") || source.has("virtual");
            if (!own) {
                reading.add(new Requirement(Requirement.normalize(name), name + " " + pkg.path("version").asText(""),
                        java.util.List.of(), Marker.ALWAYS, file.at(line), Scope.RUNTIME, null, false));
                continue;
            }
            dependencies(pkg.path("dependencies"), file, line, Scope.RUNTIME, null, reading);
            fields(pkg.path("optional-dependencies")).forEach((group, list) ->
                    dependencies(list, file, line, Scope.ofName(group, Scope.OPTIONAL), group, reading));
            fields(pkg.path("dev-dependencies")).forEach((group, list) ->
                    dependencies(list, file, line, Scope.DEVELOPMENT, group, reading));
        }
    }

    private static void dependencies(JsonNode list, TextFile file, int from, Scope scope, String group, Reading reading) {
        for (JsonNode dependency : list) {
            String name = dependency.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            int at = Toml.lineAfter(file, from - 1, l -> l.contains("name = \"" + name + "\""));
            Marker marker = dependency.path("marker").isTextual()
                    ? Pyproject.marker(dependency.path("marker").asText(), file, at == 0 ? from : at)
                    : Marker.ALWAYS;
            java.util.List<String> extras = new java.util.ArrayList<>();
            dependency.path("extra").forEach(e -> extras.add(Requirement.normalize(e.asText())));
            reading.add(new Requirement(Requirement.normalize(name), name, extras, marker, file.at(at == 0 ? from : at), scope,
                    group, true));
        }
    }

    static void readPoetry(Path path, Reading reading) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        JsonNode doc = Toml.parse(file);
        Map<String, Integer> lines = packageLines(file);
        JsonNode python = doc.path("metadata").path("python-versions");
        if (python.isTextual() && !python.asText().isBlank() && !python.asText().strip().equals("*")) {
            Pyproject.python(reading, file, "metadata", "python-versions", python.asText(), 3);
        }
        for (JsonNode pkg : doc.path("package")) {
            String name = pkg.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            int line = lines.getOrDefault(name, 1);
            boolean development = pkg.path("category").asText("main").equals("dev")
                    || pkg.has("groups") && !containsText(pkg.path("groups"), "main");
            reading.add(new Requirement(Requirement.normalize(name), name + " " + pkg.path("version").asText(""),
                    java.util.List.of(), Marker.ALWAYS, file.at(line), development ? Scope.DEVELOPMENT : Scope.RUNTIME, null,
                    false));
        }
    }

    /** The line of each package's {@code name = "..."} under a {@code [[package]]} header, in one pass. */
    private static Map<String, Integer> packageLines(TextFile file) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("^name\\s*=\\s*[\"']([^\"']+)[\"']");
        boolean inPackage = false;
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i);
            String header = Toml.header(line);
            if (header != null) {
                inPackage = header.equals("package") && line.strip().startsWith("[[");
                continue;
            }
            java.util.regex.Matcher m = name.matcher(line.strip());
            if (inPackage && m.find()) {
                lines.putIfAbsent(m.group(1), i + 1);
                inPackage = false;
            }
        }
        return lines;
    }

    private static boolean containsText(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> fields(JsonNode table) {
        Map<String, JsonNode> entries = new java.util.LinkedHashMap<>();
        table.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        return entries;
    }
}
