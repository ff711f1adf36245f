package dev.dbpick.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * setuptools' {@code setup.cfg}: {@code [options]} install_requires and python_requires, and
 * {@code [options.extras_require]}. An INI file: a key's value goes on over the indented lines
 * under it; {@code #} and {@code ;} start comment lines. {@code file:} values name requirements
 * files. {@code setup.py} is never read: it is a program, and dbpick runs nothing.
 */
final class SetupCfg {

    private SetupCfg() {
    }

    /** One key's value, line by line, with the line each part is on. */
    private record Entry(String section, String key, List<String> values, List<Integer> lines) {
    }

    static void read(Path path, Reading reading) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        for (Entry entry : entries(file)) {
            boolean options = entry.section().equals("options");
            if (options && entry.key().equals("python_requires") && !entry.values().isEmpty()) {
                String written = entry.values().get(0);
                reading.python(Pyproject.range(written, file, entry.lines().get(0)), "python_requires = " + written,
                        file.at(entry.lines().get(0)), 0);
            } else if (options && entry.key().equals("install_requires")) {
                requirements(entry, Scope.RUNTIME, null, file, path, reading);
            } else if (entry.section().equals("options.extras_require")) {
                requirements(entry, Scope.ofName(entry.key(), Scope.OPTIONAL), entry.key(), file, path, reading);
            }
        }
    }

    private static void requirements(Entry entry, Scope scope, String group, TextFile file, Path path, Reading reading) {
        for (int i = 0; i < entry.values().size(); i++) {
            String value = entry.values().get(i).replaceAll("\\s+#.*$", "");
            int line = entry.lines().get(i);
            if (value.startsWith("file:")) {
                for (String name : value.substring(5).split(",")) {
                    RequirementsFile.read(path.toAbsolutePath().getParent().resolve(name.strip()).normalize(), reading);
                }
                continue;
            }
            Pep508.Parsed parsed;
            try {
                parsed = Pep508.parse(value);
            } catch (IllegalArgumentException e) {
                throw file.error(line, e.getMessage());
            }
            reading.add(new Requirement(parsed.name(), value, parsed.extras(), parsed.marker(), file.at(line), scope,
                    group, true));
        }
    }

    private static List<Entry> entries(TextFile file) {
        List<Entry> entries = new ArrayList<>();
        String section = "";
        Entry current = null;
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null) {
                current.values().add(stripped);
                current.lines().add(i + 1);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = stripped.substring(1, stripped.length() - 1).strip();
                current = null;
                continue;
            }
            int equals = indexOfSeparator(stripped);
            if (equals < 0) {
                throw file.error(i + 1, "not an INI line: expected KEY = VALUE or [section]");
            }
            current = new Entry(section, stripped.substring(0, equals).strip(), new ArrayList<>(), new ArrayList<>());
            String value = stripped.substring(equals + 1).strip();
            if (!value.isEmpty()) {
                current.values().add(value);
                current.lines().add(i + 1);
            }
            entries.add(current);
        }
        return entries;
    }

    private static int indexOfSeparator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }
}
