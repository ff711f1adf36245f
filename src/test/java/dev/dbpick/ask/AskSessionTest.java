package dev.dbpick.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.TestKnowledge;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The question flow, driven through the prompter interface with scripted answers. */
class AskSessionTest {

    private static final List<String> ALL = List.of("purpose", "databases", "deployment", "sharedBy", "async", "python",
            "framework", "workload", "alreadyUses", "priorities", "constraints");

    private final Questionnaire questionnaire = TestKnowledge.data().questionnaire();

    @Test
    void everyQuestionIsAskedInOrderAndEnterKeepsTheDefaults() {
        ScriptedPrompter prompter = script(blanks(11));
        ObjectNode answers = run(prompter, "{}");
        assertEquals(ALL, prompter.asked);
        assertEquals("any", answers.get("purpose").asText());
        assertEquals("not-needed", answers.get("async").asText());
        assertEquals(11, prompter.notes.size(), "one effect line per answer");
    }

    @Test
    void theDeploymentQuestionIsSkippedForAnEmbeddedDatabase() {
        ScriptedPrompter prompter = script(steps("embedded-database", 9));
        run(prompter, "{}");
        assertFalse(prompter.asked.contains("deployment"));
    }

    @Test
    void theFrameworkQuestionIsSkippedForEmbeddedAnalyticsWhenWorkloadIsKnown() {
        ScriptedPrompter prompter = script(blanks(7));
        run(prompter, "{\"purpose\":\"embedded-database\",\"workload\":\"analytics\"}");
        assertEquals(List.of("databases", "sharedBy", "async", "python", "alreadyUses", "priorities", "constraints"), prompter.asked);
    }

    @Test
    void theWorkloadQuestionIsSkippedForACache() {
        ScriptedPrompter prompter = script(steps("cache", 8));
        run(prompter, "{}");
        assertFalse(prompter.asked.contains("workload"));
        assertFalse(prompter.asked.contains("alreadyUses"), "a cache keeps values, not models or frames");
    }

    @Test
    void prefilledAnswersAreNotAskedAgain() {
        ScriptedPrompter prompter = script(blanks(6));
        ObjectNode answers = run(prompter, "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}");
        assertEquals(List.of("purpose", "python", "workload", "alreadyUses", "priorities", "constraints"), prompter.asked,
                "PostgreSQL settles the deployment and the sharing");
        assertEquals("required", answers.get("async").asText());
    }

    @Test
    void backAsksThePreviousQuestionAgain() {
        ScriptedPrompter prompter = script(concat(List.of("orm", "<", "driver", "postgresql"), blanks(9)));
        ObjectNode answers = run(prompter, "{}");
        assertEquals(List.of("purpose", "databases", "purpose", "databases"), prompter.asked.subList(0, 4));
        assertEquals("driver", answers.get("purpose").asText());
        assertEquals("\"orm\"", prompter.offered.get(2).toString(), "going back offers the answer taken back");
    }

    @Test
    void backDoesNotUndoPrefilledAnswers() {
        ScriptedPrompter prompter = script(concat(List.of("<"), blanks(10)));
        Interview interview = new Interview(questionnaire, json("{\"purpose\":\"orm\"}"));
        assertFalse(interview.canGoBack());
        ObjectNode answers = new AskSession(interview, prompter, a -> "").run();
        assertEquals("orm", answers.get("purpose").asText());
        assertEquals(List.of("databases", "databases"), prompter.asked.subList(0, 2), "back at the first question asks it again");
    }

    @Test
    void theReviewChangesAnAnswerAndAsksWhatNowApplies() {
        ScriptedPrompter prompter = script(
                concat(steps("embedded-database", 9), List.of("orm", "")),
                List.of("purpose", ""));
        ObjectNode answers = run(prompter, "{}");
        assertEquals("orm", answers.get("purpose").asText());
        assertEquals("deployment", prompter.asked.get(prompter.asked.size() - 1),
                "deployment applies again once purpose is no longer embedded-database");
    }

    @Test
    void theReviewOffersTheEarlierAnswerAsCurrent() {
        ScriptedPrompter prompter = script(concat(List.of("", "sqlite,duckdb"), blanks(10)), List.of("databases", ""));
        run(prompter, "{}");
        assertEquals("[\"sqlite\",\"duckdb\"]", prompter.offered.get(prompter.offered.size() - 1).toString());
    }

    @Test
    void prioritiesKeepTheOrderGiven() {
        ScriptedPrompter prompter = script(concat(blanks(9), List.of("maturity,type-safety", "")));
        assertEquals("[\"maturity\",\"type-safety\"]", run(prompter, "{}").get("priorities").toString());
    }

    @Test
    void runningOutOfAnswersAbandonsTheQuestionnaire() {
        ScriptedPrompter prompter = script(List.of("orm"));
        assertThrows(AbandonedException.class, () -> run(prompter, "{}"));
    }

    @Test
    void theSharingQuestionIsSkippedForAServerDeployment() {
        ScriptedPrompter prompter = script(concat(List.of("", "", "server"), blanks(7)));
        run(prompter, "{}");
        assertFalse(prompter.asked.contains("sharedBy"), "a server serves everyone who reaches it");
    }

    @Test
    void aServerDatabaseSettlesTheDeploymentAndTheSharing() {
        ScriptedPrompter prompter = script(concat(List.of("", "postgresql,redis"), blanks(8)));
        ObjectNode answers = run(prompter, "{}");
        assertFalse(prompter.asked.contains("deployment"), "PostgreSQL and Redis run as servers");
        assertFalse(prompter.asked.contains("sharedBy"), "a server serves everyone who reaches it");
        assertFalse(answers.has("deployment"));
    }

    @Test
    void anEmbeddedDatabaseSettlesTheDeploymentButNotTheSharing() {
        ScriptedPrompter prompter = script(concat(List.of("", "sqlite"), blanks(9)));
        run(prompter, "{}");
        assertFalse(prompter.asked.contains("deployment"));
        assertTrue(prompter.asked.contains("sharedBy"), "an SQLite file may be one process's or several's");
    }

    @Test
    void aServerAndAnEmbeddedDatabaseTogetherLeaveTheDeploymentOpen() {
        ScriptedPrompter prompter = script(concat(List.of("", "postgresql,sqlite"), blanks(10)));
        run(prompter, "{}");
        assertTrue(prompter.asked.contains("deployment"));
    }

    @Test
    void choosingAServerDatabaseInTheReviewDropsTheDeploymentAnswer() {
        ScriptedPrompter prompter = script(concat(concat(List.of("", "", "embedded"), blanks(8)), List.of("postgresql")),
                List.of("databases", ""));
        ObjectNode answers = run(prompter, "{}");
        assertFalse(answers.has("deployment"), "an embedded deployment no longer applies to PostgreSQL: " + answers);
    }

    private static List<String> blanks(int count) {
        return java.util.Collections.nCopies(count, "");
    }

    /** One answer, then Enter for the next {@code blanks} questions. */
    private static List<String> steps(String first, int blanks) {
        return concat(List.of(first), blanks(blanks));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ScriptedPrompter script(List<String> steps) {
        return script(steps, List.of(""));
    }

    private ScriptedPrompter script(List<String> steps, List<String> review) {
        return new ScriptedPrompter(steps, review);
    }

    private ObjectNode run(ScriptedPrompter prompter, String prefilled) {
        return new AskSession(new Interview(questionnaire, json(prefilled)), prompter, answers -> "effect").run();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Mappers.json().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
