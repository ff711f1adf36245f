package dev.dbpick.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.support.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values the rules test for must exist in the data; 'dbpick rules check' runs the same check. */
class RuleValuesTest {

    @Test
    void everyValueTheBundledRulesTestForExistsInTheData() {
        assertEquals(List.of(), RuleValues.check(TestKnowledge.RULES.read("", ".drl"), TestKnowledge.data()));
    }

    @Test
    void aMisspeltValueIsReportedWithFileLineAndTheClosestValue() {
        SourceFile typo = new SourceFile("rules/team.drl", "team.drl", String.join("\n",
                "package dev.dbpick.rules;",
                "rule \"Team: our ORM\"",
                "when",
                "    Profile(purpose == \"orms\") // \"not checked in a comment\"",
                "    Library($id: id, id == \"sqlalchemyy\", has(\"c-acelerated\"))",
                "then",
                "    insert(new Score($id, 5, \"text in a consequence is not checked\"));",
                "end").getBytes(StandardCharsets.UTF_8));
        List<String> problems = RuleValues.check(List.of(typo), TestKnowledge.data());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("rules/team.drl:5: unknown trait \"c-acelerated\"; did you mean \"c-accelerated\"?"),
                problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("rules/team.drl:4: unknown value \"orms\"; did you mean \"orm\"?")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("rules/team.drl:5: unknown value \"sqlalchemyy\"; did you mean \"sqlalchemy\"?")),
                problems.toString());
    }
}
