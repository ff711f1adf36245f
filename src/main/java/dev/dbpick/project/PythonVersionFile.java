package dev.dbpick.project;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .python-version} (pyenv, uv): the version a developer's environment runs, e.g.
 * {@code 3.12} or {@code 3.12.4}. It counts last, below any stated range of supported versions.
 */
final class PythonVersionFile {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private PythonVersionFile() {
    }

    static void read(Path path, Reading reading) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = VERSION.matcher(line);
            if (m.find()) {
                reading.python(VersionRange.parse("==" + m.group(1) + "." + m.group(2) + ".*"), line, file.at(i + 1), 4);
            }
            return;
        }
    }
}
