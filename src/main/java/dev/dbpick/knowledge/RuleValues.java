package dev.dbpick.knowledge;

import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Vocabulary;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.support.SourceFile;
import dev.dbpick.support.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every value a rule's conditions test for must exist in the data: a trait in
 * {@code has("...")}, a constraint in {@code requires("...")}, and every other quoted value among
 * the questionnaire's choices, the vocabulary's values or the catalog's ids. A typo such as
 * {@code id == "sqlalchemyy"} or {@code purpose == "orms"} would otherwise compile and never
 * match. Each problem names the file and line, with the closest known value.
 */
public final class RuleValues {

    private static final Pattern CONDITIONS = Pattern.compile("^\\s*when\\b(.*?)^\\s*then\\b", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern HAS = Pattern.compile("\\bhas\\(\"([^\"]*)\"\\)");
    private static final Pattern REQUIRES = Pattern.compile("\\brequires\\(\"([^\"]*)\"\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*");

    private RuleValues() {
    }

    /** The problems, one per unknown value, as {@code rules/file.drl:LINE: message}; empty when all are known. */
    public static List<String> check(List<SourceFile> ruleFiles, Data data) {
        Vocabulary vocabulary = data.catalog().vocabulary();
        Set<String> traits = new HashSet<>(vocabulary.values("traits"));
        Set<String> constraints = new HashSet<>(data.questionnaire().get("constraints").values());
        Set<String> known = new HashSet<>();
        data.questionnaire().questions().stream().map(Question::values).forEach(known::addAll);
        vocabulary.lists().keySet().forEach(list -> known.addAll(vocabulary.values(list)));
        data.catalog().libraries().stream().map(Library::id).forEach(known::add);
        List<String> problems = new ArrayList<>();
        for (SourceFile file : ruleFiles) {
            String text = blankComments(file.text());
            Matcher conditions = CONDITIONS.matcher(text);
            while (conditions.find()) {
                int start = conditions.start(1);
                String lhs = conditions.group(1);
                check(file, text, start, HAS, lhs, traits, "trait", problems);
                check(file, text, start, REQUIRES, lhs, constraints, "constraint", problems);
                String rest = blank(blank(lhs, HAS), REQUIRES);
                check(file, text, start, LITERAL, rest, known, "value", problems);
            }
        }
        return problems;
    }

    private static void check(SourceFile file, String text, int offset, Pattern pattern, String lhs, Set<String> allowed,
                              String what, List<String> problems) {
        Matcher m = pattern.matcher(lhs);
        while (m.find()) {
            String value = m.group(1);
            if (!allowed.contains(value)) {
                problems.add(file.name() + ":" + lineOf(text, offset + m.start(1)) + ": unknown " + what + " \"" + value + "\""
                        + Suggestions.didYouMean(value, allowed) + "; a rule testing for it would never match");
            }
        }
    }

    /** Replaces what a pattern matches with spaces, so offsets stay put. */
    private static String blank(String text, Pattern pattern) {
        return pattern.matcher(text).replaceAll(r -> " ".repeat(r.group().length()));
    }

    private static String blankComments(String text) {
        return blank(text, COMMENT);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
