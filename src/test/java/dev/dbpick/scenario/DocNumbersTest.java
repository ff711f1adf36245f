package dev.dbpick.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every count of scenarios, rules, rule files, libraries and questions that README.md,
 * rules/README.md and data/README.md state equals the real one, so the figures cannot drift.
 * Left out: the team walk-through of rules/README.md (TeamWalkthroughIT runs it and checks its
 * output), the measurements (rows naming their {@code src/bench/} script, taken on their date),
 * and the history lines listed in {@link #HISTORY}.
 */
class DocNumbersTest {

    /** Lines that state a figure of the past on purpose. */
    private static final List<String> HISTORY = List.of(
            "before knowledge v3",          // the panel's measurement before version 3 of the facts
            "Version 3 (2026-12) added the"); // how many libraries version 3 added

    /** A count stands alone: not the end of {@code rules=124}, a version or a longer number. */
    private static final String N = "(?<![=\\w.,])";

    private static final String WALKTHROUGH = "## Walk-through: \"our team standardises on SQLAlchemy";

    @Test
    void theDocsStateTheRealCounts() throws IOException {
        int scenarios = new ScenarioReader(TestKnowledge.data().catalog(), TestKnowledge.data().questionnaire())
                .read(TestKnowledge.RULES).size();
        int rules = TestKnowledge.knowledge().rules().names().size();
        int ruleFiles = TestKnowledge.knowledge().rules().files().size();
        int libraries = TestKnowledge.data().catalog().size();
        int questions = TestKnowledge.data().questionnaire().questions().size();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String doc : List.of("README.md", "rules/README.md", "data/README.md")) {
            boolean skipping = false;
            List<String> lines = Files.readAllLines(Path.of(doc));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("## ")) {
                    skipping = line.startsWith(WALKTHROUGH);
                }
                if (skipping || line.contains("src/bench/") || HISTORY.stream().anyMatch(line::contains)) {
                    continue;
                }
                String where = doc + ":" + (i + 1);
                checked += check(line, N + "(\\d+) (?:bundled )?scenarios\\b|scenarios: (\\d+)|of (\\d+) scenario", scenarios, "scenarios", where, wrong);
                checked += check(line, N + "(\\d+) rules\\b|rules=(\\d+)", rules, "rules", where, wrong);
                checked += check(line, N + "(\\d+) files, \\d+ rules", ruleFiles, "rule files", where, wrong);
                checked += check(line, N + "(\\d+) libraries\\b|libraries=(\\d+)", libraries, "libraries", where, wrong);
                checked += check(line, N + "(\\d+) questions\\b", questions, "questions", where, wrong);
                checked += checkSum(line, scenarios, where, wrong);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked >= 8, "the docs state counts: " + checked);
    }

    private static int check(String line, String regex, int real, String what, String where, List<String> wrong) {
        Matcher m = Pattern.compile(regex).matcher(line);
        int found = 0;
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found++;
                    if (Integer.parseInt(m.group(g)) != real) {
                        wrong.add(where + ": says " + m.group(g) + " " + what + ", there are " + real + ": " + line.strip());
                    }
                }
            }
        }
        return found;
    }

    /** "N passed, M failed": every bundled scenario ran. */
    private static int checkSum(String line, int scenarios, String where, List<String> wrong) {
        Matcher m = Pattern.compile("(\\d+) passed, (\\d+) failed").matcher(line);
        int found = 0;
        while (m.find()) {
            found++;
            int sum = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
            if (sum != scenarios) {
                wrong.add(where + ": " + m.group() + " adds up to " + sum + " scenarios, there are " + scenarios);
            }
        }
        return found;
    }
}
