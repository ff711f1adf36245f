package dev.dbpick.knowledge;

import dev.dbpick.support.SourceFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbpick.TestKnowledge;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Vocabulary;
import dev.dbpick.questionnaire.Question;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value a rule's conditions test for must exist in the data: a trait in has("..."), a
 * constraint in requires("..."), and every other quoted value among the questionnaire's
 * choices, the vocabulary or the catalog ids. A typo in a rule would otherwise never match.
 */
class RuleValuesTest {

    private static final Pattern CONDITIONS = Pattern.compile("^\\s*when\\b(.*?)^\\s*then\\b", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern HAS = Pattern.compile("\\bhas\\(\"([^\"]*)\"\\)");
    private static final Pattern REQUIRES = Pattern.compile("\\brequires\\(\"([^\"]*)\"\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    @Test
    void everyValueTheRulesTestForExistsInTheData() {
        Data data = TestKnowledge.data();
        Vocabulary vocabulary = data.catalog().vocabulary();
        Set<String> traits = new HashSet<>(vocabulary.values("traits"));
        Set<String> constraints = new HashSet<>(data.questionnaire().get("constraints").values());
        Set<String> known = new HashSet<>();
        data.questionnaire().questions().stream().map(Question::values).forEach(known::addAll);
        vocabulary.lists().keySet().forEach(list -> known.addAll(vocabulary.values(list)));
        data.catalog().libraries().stream().map(Library::id).forEach(known::add);

        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (SourceFile file : TestKnowledge.RULES.read("", ".drl")) {
            Matcher conditions = CONDITIONS.matcher(file.text().replaceAll("//[^\n]*", ""));
            while (conditions.find()) {
                String lhs = conditions.group(1);
                checked += check(file, HAS, lhs, traits, "trait", unknown);
                checked += check(file, REQUIRES, lhs, constraints, "constraint", unknown);
                String rest = HAS.matcher(REQUIRES.matcher(lhs).replaceAll("")).replaceAll("");
                checked += check(file, LITERAL, rest, known, "value", unknown);
            }
        }
        assertFalse(checked == 0, "no values found in the rules' conditions");
        assertEquals(List.of(), unknown);
    }

    private static int check(SourceFile file, Pattern pattern, String text, Set<String> allowed, String what,
                             List<String> unknown) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
            if (!allowed.contains(m.group(1))) {
                unknown.add(file.name() + ": unknown " + what + " \"" + m.group(1) + "\"");
            }
        }
        return count;
    }
}
