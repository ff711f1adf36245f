package dev.dbpick.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.ProfileReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** When nothing is recommended, the table and the decision record say whether anything passes at all. */
class TableRendererTest {

    private static String table(String json) {
        return table(json, Include.ALL);
    }

    private static String table(String json, Include include) {
        var knowledge = TestKnowledge.knowledge();
        Result result = TestKnowledge.advisor().recommend(new ProfileReader(knowledge.questionnaire()).read(json), 10,
                TestKnowledge.AS_OF, include);
        StringWriter text = new StringWriter();
        TableRenderer.render(result, View.of(knowledge, View.DEFAULT_WIDTH, false), new PrintWriter(text));
        return text.toString();
    }

    @Test
    void poorFitsAreNotCalledLibrariesThatDoNotFit() {
        String table = table("{\"databases\":[\"memcached\"],\"purpose\":\"driver\"}");
        assertTrue(table.contains("No library is recommended"), table);
        assertTrue(table.contains("pass every hard constraint but score below zero"), table);
        assertFalse(table.contains("makes one fit"), table);
        assertTrue(table.contains("Poor fits:"), table);
    }

    @Test
    void theDecisionRecordPointsToThePoorFitsToo() {
        var knowledge = TestKnowledge.knowledge();
        Result result = TestKnowledge.advisor().recommend(new ProfileReader(knowledge.questionnaire())
                .read("{\"databases\":[\"memcached\"],\"purpose\":\"driver\"}"), 10, TestKnowledge.AS_OF, Include.ALL);
        StringWriter text = new StringWriter();
        DecisionRecord.render(result, View.of(knowledge, View.DEFAULT_WIDTH, false), new PrintWriter(text));
        assertTrue(text.toString().contains("pass every hard requirement, but what counts against each outweighs"), text.toString());
        assertFalse(text.toString().contains("none of one or two answers"), text.toString());
    }

    @Test
    void whenNothingPassesTheWaysOutAreListed() {
        String table = table("{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}");
        assertTrue(table.contains("The smallest ways out"), table);
        assertFalse(table.contains("below zero: the poor fits"), table);
    }

    @Test
    void withoutTheExplanationsTheTableSaysHowToAskForTheWaysOut() {
        String table = table("{\"databases\":[\"cassandra\"],\"purpose\":\"orm\",\"async\":\"required\"}", Include.NONE);
        assertFalse(table.contains("The smallest ways out"), table);
        assertFalse(table.contains("No change of one or two answers"), "not asked is not none: " + table);
        assertTrue(table.contains("--include relaxations"), table);
    }

    @Test
    void withoutThePivotsTheTableShowsTheRankingAndTheMarginOnly() {
        String profile = "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}";
        assertTrue(table(profile).contains("What would change the first pick:"));
        String table = table(profile, Include.NONE);
        assertFalse(table.contains("What would change the first pick"), table);
        assertTrue(table.contains(" leads "), table);
    }
}
