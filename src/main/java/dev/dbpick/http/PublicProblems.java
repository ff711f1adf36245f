package dev.dbpick.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Problems of a rejected reload as the endpoints that need no token show them
 * ({@code /health}, {@code /api/v1/knowledge}): the file, line and kind of each error, never
 * text from the file. Parsers quote the source they stumbled on (Drools' "mismatched input
 * 'x'", Jackson's "Unrecognized token 'x'", an unknown field's name, a Java compile error in
 * a consequence), and a file with a secret in it must not publish the secret by failing to
 * parse; so in a problem about a knowledge file every quoted span is masked and a consequence's
 * compile error is cut to its kind. The whole text stays in the log, in {@code dbpick rules
 * check} and in the answer of the token-protected reload endpoint.
 */
final class PublicProblems {

    /** A problem about a file of the knowledge: "rules/x.drl:5: ...", "data/catalog/x.yaml: ...". */
    private static final Pattern ABOUT_A_FILE = Pattern.compile("^(?:\\(bundled\\) )?(?:rules|data|[^\\s:]+)/[^\\s:]*\\.\\w+(?::\\d+)*:.*",
            Pattern.DOTALL);
    /** A quoted span that starts and ends at a word boundary (not an apostrophe inside a word). */
    private static final Pattern QUOTED = Pattern.compile("(?<=^|[\\s(\\[{=:,])(['\"`])(?:(?!\\1).)*\\1(?=$|[\\s,;:.)\\]}])");
    private static final String COMPILE_ERROR = "Rule Compilation error";
    private static final int MAX_LENGTH = 300;

    private PublicProblems() {
    }

    static List<String> of(List<String> problems) {
        return problems == null ? null : problems.stream().map(PublicProblems::of).toList();
    }

    static String of(String problem) {
        if (problem == null || !ABOUT_A_FILE.matcher(problem).matches()) {
            return problem;
        }
        String text = problem.replaceAll("\\s+", " ");
        int compile = text.indexOf(COMPILE_ERROR);
        if (compile >= 0) {
            text = text.substring(0, compile) + "a consequence does not compile (dbpick rules check shows where)";
        }
        text = QUOTED.matcher(text).replaceAll("$1…$1");
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }

    /** The outcome of a reload with its problems shown as above. */
    static KnowledgeHolder.Outcome of(KnowledgeHolder.Outcome outcome) {
        return outcome == null ? null : new KnowledgeHolder.Outcome(outcome.switched(), outcome.revision(), outcome.at(),
                of(outcome.problems()));
    }
}
