package dev.dbpick.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of version constraints as Python packaging writes them (PEP 440: {@code >=3.10,<4},
 * {@code ~=3.11}, {@code ==3.12.*}) or as Poetry does ({@code ^3.10}, {@code ~3.11}, a bare
 * {@code 3.11}, {@code >=3.9 <4}, alternatives joined by {@code ||}). Only release numbers count:
 * pre-, post- and dev-release tags are read and ignored, which is exact enough to tell which
 * Python series a project allows.
 */
public final class VersionRange {

    private static final Pattern CLAUSE = Pattern.compile(
            "(===|==|!=|~=|<=|>=|<|>|\\^|~|=)?\\s*(v?\\d+(?:\\.(?:\\d+|\\*))*(?:[-_.+!]?[A-Za-z0-9]+)*(?:\\.\\*)?|\\*)");
    private static final int PATCHES = 100;

    private final String text;
    private final List<List<Clause>> alternatives;

    private VersionRange(String text, List<List<Clause>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Reads a constraint set; an empty text allows every version.
     *
     * @throws IllegalArgumentException naming what could not be read
     */
    public static VersionRange parse(String text) {
        String trimmed = text.strip();
        List<List<Clause>> alternatives = new ArrayList<>();
        for (String alternative : trimmed.split("\\|\\|?")) {
            List<Clause> clauses = new ArrayList<>();
            Matcher m = CLAUSE.matcher(alternative);
            int at = 0;
            while (at < alternative.length()) {
                char c = alternative.charAt(at);
                if (Character.isWhitespace(c) || c == ',') {
                    at++;
                    continue;
                }
                if (!m.find(at) || m.start() != at) {
                    throw new IllegalArgumentException("cannot read the version constraint \"" + trimmed + "\"");
                }
                clauses.add(Clause.of(m.group(1) == null ? "" : m.group(1), m.group(2)));
                at = m.end();
            }
            if (clauses.isEmpty() && !trimmed.isEmpty()) {
                throw new IllegalArgumentException("cannot read the version constraint \"" + trimmed + "\"");
            }
            alternatives.add(clauses);
        }
        return new VersionRange(trimmed, alternatives);
    }

    /** Whether some release of the series {@code major.minor} satisfies the constraints. */
    public boolean allowsSeries(int major, int minor) {
        for (int patch = 0; patch < PATCHES; patch++) {
            if (allows(new int[] {major, minor, patch})) {
                return true;
            }
        }
        return false;
    }

    /** Whether every release of the series {@code major.minor} satisfies the constraints. */
    public boolean allowsWholeSeries(int major, int minor) {
        for (int patch = 0; patch < PATCHES; patch++) {
            if (!allows(new int[] {major, minor, patch})) {
                return false;
            }
        }
        return true;
    }

    boolean allows(int[] version) {
        for (List<Clause> clauses : alternatives) {
            if (clauses.stream().allMatch(c -> c.allows(version))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The release numbers of a version: "3.11.4rc1" is 3, 11, 4; empty when none lead it. */
    static int[] release(String version) {
        Matcher m = Pattern.compile("^v?(?:\\d+!)?(\\d+(?:\\.\\d+)*)").matcher(version.strip());
        if (!m.find()) {
            return new int[0];
        }
        String[] parts = m.group(1).split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parts[i].length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    /** One comparison; Poetry's caret and tilde are turned into a lower and an upper bound. */
    private record Clause(String operator, int[] version, boolean wildcard, int[] upper) {

        static Clause of(String operator, String written) {
            if (written.equals("*")) {
                return new Clause(">=", new int[] {0}, false, null);
            }
            boolean wildcard = written.endsWith(".*");
            int[] version = release(wildcard ? written.substring(0, written.length() - 2) : written);
            if (version.length == 0) {
                throw new IllegalArgumentException("cannot read the version \"" + written + "\"");
            }
            return switch (operator) {
                case "^" -> new Clause(">=", version, false, caretUpper(version));
                case "~" -> new Clause(">=", version, false, version.length == 1
                        ? new int[] {version[0] + 1} : new int[] {version[0], version[1] + 1});
                case "~=" -> {
                    if (version.length < 2) {
                        throw new IllegalArgumentException("~= needs at least two numbers, got \"" + written + "\"");
                    }
                    int[] prefix = java.util.Arrays.copyOf(version, version.length - 1);
                    prefix[prefix.length - 1]++;
                    yield new Clause(">=", version, false, prefix);
                }
                case "", "=", "===" -> new Clause("==", version, wildcard, null);
                default -> new Clause(operator, version, wildcard, null);
            };
        }

        private static int[] caretUpper(int[] version) {
            for (int i = 0; i < version.length; i++) {
                if (version[i] != 0 || i == version.length - 1) {
                    int[] upper = java.util.Arrays.copyOf(version, i + 1);
                    upper[i]++;
                    return upper;
                }
            }
            return new int[] {1};
        }

        boolean allows(int[] candidate) {
            if (upper != null && compare(candidate, upper) >= 0) {
                return false;
            }
            if (wildcard) {
                boolean prefix = true;
                for (int i = 0; i < version.length; i++) {
                    prefix &= (i < candidate.length ? candidate[i] : 0) == version[i];
                }
                return operator.equals("!=") != prefix;
            }
            int order = compare(candidate, version);
            return holds(operator, order);
        }
    }

    /** Whether a comparison's {@code order} (negative, zero, positive) satisfies {@code operator} (==, !=, <, <=, >, >=). */
    static boolean holds(String operator, int order) {
        return switch (operator) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }
}
