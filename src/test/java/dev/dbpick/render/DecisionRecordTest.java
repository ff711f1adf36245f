package dev.dbpick.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.ProfileReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision record reads as a document a team would commit: every MADR section, every option named. */
class DecisionRecordTest {

    private static final List<String> HEADINGS = List.of("## Context and Problem Statement", "## Decision Drivers",
            "## Considered Options", "## Decision Outcome", "## Revisit When", "## Reproduce");

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\",\"priorities\":[\"type-safety\"]}",
        "{\"purpose\":\"cache\",\"sharedBy\":\"one-host\",\"constraints\":{\"permissiveLicense\":true}}",
        "{\"databases\":[\"mongodb\"],\"async\":\"required\",\"python\":\"3.12\",\"alreadyUses\":[\"pydantic\"],\"constraints\":{\"migrations\":true}}"})
    void everySectionIsThereAndEveryConsideredOptionIsNamed(String json) {
        var knowledge = TestKnowledge.knowledge();
        Result result = TestKnowledge.advisor().recommend(new ProfileReader(knowledge.questionnaire()).read(json), 10, TestKnowledge.AS_OF,
                Include.ALL);
        StringWriter text = new StringWriter();
        DecisionRecord.render(result, View.of(knowledge, View.DEFAULT_WIDTH, false), new PrintWriter(text));
        String adr = text.toString();
        assertTrue(adr.startsWith("# Use "), adr);
        for (String heading : HEADINGS) {
            assertTrue(adr.contains("\n" + heading + "\n"), heading + " missing:\n" + adr);
        }
        assertFalse(result.recommendations().isEmpty(), "the profiles have a recommendation");
        result.recommendations().stream().limit(5).forEach(r ->
                assertTrue(adr.contains(r.name() + " (`" + r.id() + "`"), r.id() + " not named:\n" + adr));
        assertTrue(adr.contains("- Status: proposed"), adr);
        assertTrue(adr.contains(result.knowledge().revision()) && adr.contains("--as-of " + result.knowledge().evaluatedOn()), adr);
        if (!result.excluded().isEmpty()) {
            assertTrue(adr.contains("## Options Rejected"), adr);
        }
        assertFalse(adr.contains("null"), "no missing value printed:\n" + adr);
        assertFalse(adr.lines().anyMatch(line -> line.startsWith("#") && !line.matches("#+ \\S.*")), "headings are well formed");
    }
}
