package dev.dbpick.refresh;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package's {@code Requires-Python} (a PEP 440 specifier set such as {@code >=3.10,!=3.11.*}),
 * asked whether a Python minor version ("3.12") can run it: yes when some release of that minor
 * version (3.12.0 or a late 3.12.x) satisfies every clause. Clauses it cannot read are ignored.
 */
final class RequiresPython {

    private static final Pattern CLAUSE = Pattern.compile("(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+)");

    private RequiresPython() {
    }

    static boolean allows(String specifiers, String minor) {
        if (specifiers == null || specifiers.isBlank()) {
            return true;
        }
        for (String patch : List.of(".0", ".99")) {
            Optional<Pep440> version = Pep440.parse(minor + patch);
            if (version.isPresent() && satisfiesAll(specifiers, version.get())) {
                return true;
            }
        }
        return false;
    }

    private static boolean satisfiesAll(String specifiers, Pep440 version) {
        for (String clause : specifiers.split(",")) {
            Matcher m = CLAUSE.matcher(clause.strip());
            if (m.matches() && !satisfies(m.group(1), m.group(2), version)) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfies(String operator, String target, Pep440 version) {
        if (target.endsWith(".*")) {
            boolean in = version.inLine(target.substring(0, target.length() - 2));
            return switch (operator) {
                case "==" -> in;
                case "!=" -> !in;
                default -> true;
            };
        }
        Optional<Pep440> parsed = Pep440.parse(target);
        if (parsed.isEmpty()) {
            return true;
        }
        int c = version.compareTo(parsed.get());
        return switch (operator) {
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "~=" -> c >= 0 && compatible(target, version);
            default -> true;
        };
    }

    /** {@code ~=3.10} means the same major version; {@code ~=3.10.2} the same minor version. */
    private static boolean compatible(String target, Pep440 version) {
        String release = target.replaceAll("[^0-9.].*$", "");
        int dot = release.lastIndexOf('.');
        return dot < 0 || version.inLine(release.substring(0, dot));
    }
}
