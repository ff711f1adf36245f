package dev.dbpick.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements file ({@code requirements*.txt}, {@code *.in}): one PEP 508 line each,
 * comments, continuation lines, {@code -r} includes (each file read once, so include cycles
 * end), and pip's options. Editable installs, URLs and local paths are noted and skipped;
 * pip-compile's {@code # via} comments tell what is only there because something else needs it.
 */
final class RequirementsFile {

    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern INCLUDE = Pattern.compile("^(?:-r|--requirement)(?:\\s*=\\s*|\\s+|(?=\\S))(\\S+)$");
    private static final Pattern EDITABLE = Pattern.compile("^(?:-e|--editable)(?:\\s*=\\s*|\\s+)(\\S.*)$");
    private static final Pattern LINE_OPTION = Pattern.compile("\\s--?[A-Za-z][A-Za-z-]*(?:[=\\s]\\S*)?");
    private static final Pattern URL = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*://|git\\+|hg\\+|svn\\+|bzr\\+|\\.|/|~|file:)");

    private RequirementsFile() {
    }

    /** Reads a requirements file and whatever it includes. */
    static void read(Path path, Reading reading) {
        TextFile file = reading.open(path);
        if (file == null) {
            return;
        }
        Scope scope = Scope.ofName(file.name(), Scope.RUNTIME);
        List<Requirement> found = new ArrayList<>();
        List<Boolean> viaDirect = new ArrayList<>();
        Boolean via = null;
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String raw = lines.get(i);
            String stripped = raw.strip();
            if (stripped.startsWith("#")) {
                via = pipCompileVia(stripped, via, found, viaDirect);
                continue;
            }
            StringBuilder joined = new StringBuilder(COMMENT.matcher(raw).replaceAll(""));
            while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(COMMENT.matcher(lines.get(++i)).replaceAll(""));
            }
            String line = joined.toString().strip();
            if (line.endsWith("\\")) {
                line = line.substring(0, line.length() - 1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-")) {
                option(line, file, number, path, reading);
                continue;
            }
            if (URL.matcher(line).find()) {
                reading.note(file.at(number) + ": a URL or a path, not read (dbpick fetches nothing)");
                continue;
            }
            String requirement = LINE_OPTION.matcher(" " + line).replaceAll("").strip();
            Pep508.Parsed parsed;
            try {
                parsed = Pep508.parse(requirement);
            } catch (IllegalArgumentException e) {
                throw file.error(number, e.getMessage());
            }
            found.add(new Requirement(parsed.name(), requirement, parsed.extras(), parsed.marker(), file.at(number), scope,
                    scope == Scope.DEVELOPMENT ? file.name() : null, true));
            viaDirect.add(null);
        }
        for (int i = 0; i < found.size(); i++) {
            reading.add(Boolean.FALSE.equals(viaDirect.get(i)) ? found.get(i).indirect() : found.get(i));
        }
    }

    /**
     * pip-compile writes, under each pinned line, {@code # via -r requirements.in} for what the
     * input names and {@code # via fastapi} for what only another package needs. Returns whether
     * the current "via" block has named an input file so far (null outside a block).
     */
    private static Boolean pipCompileVia(String comment, Boolean via, List<Requirement> found, List<Boolean> viaDirect) {
        String text = comment.substring(1).strip();
        if (found.isEmpty()) {
            return null;
        }
        int last = found.size() - 1;
        if (text.startsWith("via")) {
            String rest = text.substring(3).strip();
            boolean direct = rest.startsWith("-r") || rest.startsWith("-c");
            viaDirect.set(last, rest.isEmpty() ? Boolean.FALSE : direct);
            return rest.isEmpty() ? Boolean.FALSE : direct;
        }
        if (via != null && viaDirect.get(last) != null && (text.startsWith("-r") || text.startsWith("-c"))) {
            viaDirect.set(last, Boolean.TRUE);
            return Boolean.TRUE;
        }
        return via;
    }

    private static void option(String line, TextFile file, int number, Path path, Reading reading) {
        Matcher include = INCLUDE.matcher(line);
        if (include.matches()) {
            String target = include.group(1);
            if (URL.matcher(target).find() && target.contains("://")) {
                reading.note(file.at(number) + ": -r " + target + " is a URL, not read (dbpick fetches nothing)");
                return;
            }
            Path included = path.toAbsolutePath().getParent().resolve(target).normalize();
            if (!Files.exists(included)) {
                throw file.error(number, "-r " + target + ": no such file");
            }
            read(included, reading);
            return;
        }
        if (EDITABLE.matcher(line).matches()) {
            reading.note(file.at(number) + ": an editable install, not read");
        }
        // Constraint files (-c) pin versions without adding dependencies; index and build options say nothing of what the project uses.
    }
}
