package dev.dbpick.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An environment marker (PEP 508: {@code python_version < "3.11" and sys_platform != "win32"}),
 * judged for a Python series. Only the Python version is known in advance; a platform, an
 * implementation or an extra may hold or not, so a marker is true, false or "it depends".
 * A dependency counts when its marker is not false on a Python version the project runs on.
 */
public interface Marker {

    /** Three-valued truth: a platform marker is neither true nor false until installed. */
    enum Truth {
        TRUE, FALSE, UNKNOWN;

        Truth and(Truth other) {
            return this == FALSE || other == FALSE ? FALSE : this == TRUE && other == TRUE ? TRUE : UNKNOWN;
        }

        Truth or(Truth other) {
            return this == TRUE || other == TRUE ? TRUE : this == FALSE && other == FALSE ? FALSE : UNKNOWN;
        }

        static Truth of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** A marker that always may hold. */
    Marker ALWAYS = (major, minor) -> Truth.TRUE;

    Truth test(int major, int minor);

    /** The marker as written. */
    default String text() {
        return "";
    }

    /** Whether it may hold on at least one of the series, each written "3.11". */
    default boolean mayHoldOn(List<String> series) {
        for (String s : series) {
            int[] v = VersionRange.release(s);
            if (v.length >= 2 && test(v[0], v[1]) != Truth.FALSE) {
                return true;
            }
        }
        return series.isEmpty();
    }

    /** The Python versions of a Poetry dependency's {@code python = "..."} as a marker. */
    static Marker python(VersionRange range) {
        return new Marker() {
            @Override
            public Truth test(int major, int minor) {
                return range.allowsWholeSeries(major, minor) ? Truth.TRUE
                        : range.allowsSeries(major, minor) ? Truth.UNKNOWN : Truth.FALSE;
            }

            @Override
            public String text() {
                return "python " + range;
            }
        };
    }

    /**
     * Reads a PEP 508 marker expression.
     *
     * @throws IllegalArgumentException saying what could not be read
     */
    static Marker parse(String text) {
        Parser parser = new Parser(text);
        Marker marker = parser.or();
        parser.end();
        String written = text.strip();
        return new Marker() {
            @Override
            public Truth test(int major, int minor) {
                return marker.test(major, minor);
            }

            @Override
            public String text() {
                return written;
            }
        };
    }

    /** A recursive-descent reader of the marker grammar. */
    final class Parser {

        private static final Set<String> VARIABLES = Set.of("python_version", "python_full_version", "os_name",
                "sys_platform", "platform_release", "platform_system", "platform_version", "platform_machine",
                "platform_python_implementation", "implementation_name", "implementation_version", "extra",
                "dependency_groups", "extras", "os.name", "sys.platform", "platform.version", "platform.machine",
                "platform.python_implementation", "python_implementation");
        private static final List<String> OPERATORS = List.of("===", "==", "!=", "~=", "<=", ">=", "<", ">");

        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private int next;

        Parser(String text) {
            this.text = text;
            tokenize();
        }

        private void tokenize() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (c == '"' || c == '\'') {
                    int close = text.indexOf(c, i + 1);
                    if (close < 0) {
                        throw problem("an unclosed quote");
                    }
                    tokens.add(text.substring(i, close + 1));
                    i = close + 1;
                } else if ("<>=!~".indexOf(c) >= 0) {
                    int at = i;
                    String op = OPERATORS.stream().filter(o -> text.startsWith(o, at)).findFirst()
                            .orElseThrow(() -> problem("an unknown operator"));
                    tokens.add(op);
                    i += op.length();
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                            || text.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                } else {
                    throw problem("an unexpected character '" + c + "'");
                }
            }
        }

        private IllegalArgumentException problem(String what) {
            return new IllegalArgumentException("cannot read the marker \"" + text.strip() + "\": " + what);
        }

        private String peek() {
            return next < tokens.size() ? tokens.get(next) : null;
        }

        private String take() {
            if (next >= tokens.size()) {
                throw problem("it ends too early");
            }
            return tokens.get(next++);
        }

        void end() {
            if (next < tokens.size()) {
                throw problem("unexpected '" + tokens.get(next) + "'");
            }
        }

        Marker or() {
            Marker left = and();
            while ("or".equals(peek())) {
                take();
                Marker a = left;
                Marker b = and();
                left = (major, minor) -> a.test(major, minor).or(b.test(major, minor));
            }
            return left;
        }

        private Marker and() {
            Marker left = atom();
            while ("and".equals(peek())) {
                take();
                Marker a = left;
                Marker b = atom();
                left = (major, minor) -> a.test(major, minor).and(b.test(major, minor));
            }
            return left;
        }

        private Marker atom() {
            if ("(".equals(peek())) {
                take();
                Marker inner = or();
                if (!")".equals(take())) {
                    throw problem("a missing ')'");
                }
                return inner;
            }
            String left = value();
            String op = take();
            if (op.equals("not")) {
                if (!"in".equals(take())) {
                    throw problem("'not' without 'in'");
                }
                op = "not in";
            } else if (!op.equals("in") && !OPERATORS.contains(op)) {
                throw problem("'" + op + "' where a comparison was expected");
            }
            String right = value();
            return comparison(left, op, right);
        }

        private String value() {
            String token = take();
            if (token.startsWith("\"") || token.startsWith("'")) {
                return token;
            }
            if (!VARIABLES.contains(token)) {
                throw problem("unknown variable '" + token + "'");
            }
            return token;
        }

        private static boolean literal(String token) {
            return token.startsWith("\"") || token.startsWith("'");
        }

        private static String unquote(String token) {
            return token.substring(1, token.length() - 1);
        }

        private Marker comparison(String left, String op, String right) {
            boolean leftLiteral = literal(left);
            boolean rightLiteral = literal(right);
            if (leftLiteral && rightLiteral) {
                Truth fixed = Truth.of(compareText(unquote(left), op, unquote(right)));
                return (major, minor) -> fixed;
            }
            String variable = leftLiteral ? right : left;
            if (!variable.equals("python_version") && !variable.equals("python_full_version")) {
                return (major, minor) -> Truth.UNKNOWN;
            }
            boolean full = variable.equals("python_full_version");
            return (major, minor) -> {
                if (!full) {
                    return Truth.of(judge(major + "." + minor, left, op, right, leftLiteral));
                }
                boolean low = judge(major + "." + minor + ".0", left, op, right, leftLiteral);
                boolean high = judge(major + "." + minor + ".99", left, op, right, leftLiteral);
                return low == high ? Truth.of(low) : Truth.UNKNOWN;
            };
        }

        private static boolean judge(String python, String left, String op, String right, boolean leftLiteral) {
            String a = leftLiteral ? unquote(left) : python;
            String b = leftLiteral ? python : unquote(right);
            if (op.equals("in") || op.equals("not in")) {
                return compareText(a, op, b);
            }
            if (op.equals("===")) {
                return a.equals(b);
            }
            if (op.equals("~=") || b.endsWith(".*")) {
                return VersionRange.parse(op + b).allows(VersionRange.release(a));
            }
            int order = VersionRange.compare(VersionRange.release(a), VersionRange.release(b));
            return VersionRange.holds(op, order);
        }

        private static boolean compareText(String a, String op, String b) {
            return switch (op) {
                case "in" -> b.contains(a);
                case "not in" -> !b.contains(a);
                case "==", "===" -> a.equals(b);
                case "!=" -> !a.equals(b);
                default -> {
                    int order = VersionRange.compare(VersionRange.release(a), VersionRange.release(b));
                    yield switch (op) {
                        case "<" -> order < 0;
                        case "<=" -> order <= 0;
                        case ">" -> order > 0;
                        case ">=" -> order >= 0;
                        default -> a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
                    };
                }
            };
        }
    }
}
