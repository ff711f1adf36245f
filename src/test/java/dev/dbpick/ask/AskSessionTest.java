package dev.dbpick.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static final List<String> ALL = List.of(
            "purpose", "databases", "deployment", "async", "framework", "workload", "priorities", "constraints");

    private final Questionnaire questionnaire = TestKnowledge.data().questionnaire();

    @Test
    void everyQuestionIsAskedInOrderAndEnterKeepsTheDefaults() {
        ScriptedPrompter prompter = script(List.of("", "", "", "", "", "", "", ""));
        ObjectNode answers = run(prompter, "{}");
        assertEquals(ALL, prompter.asked);
        assertEquals("any", answers.get("purpose").asText());
        assertEquals("not-needed", answers.get("async").asText());
        assertEquals(8, prompter.notes.size(), "one effect line per answer");
    }

    @Test
    void theDeploymentQuestionIsSkippedForAnEmbeddedDatabase() {
        ScriptedPrompter prompter = script(List.of("embedded-database", "", "", "", "", "", ""));
        run(prompter, "{}");
        assertFalse(prompter.asked.contains("deployment"));
    }

    @Test
    void theFrameworkQuestionIsSkippedForEmbeddedAnalyticsWhenWorkloadIsKnown() {
        ScriptedPrompter prompter = script(List.of("", "", "", ""));
        run(prompter, "{\"purpose\":\"embedded-database\",\"workload\":\"analytics\"}");
        assertEquals(List.of("databases", "async", "priorities", "constraints"), prompter.asked);
    }

    @Test
    void theWorkloadQuestionIsSkippedForACache() {
        ScriptedPrompter prompter = script(List.of("cache", "", "", "", "", "", ""));
        run(prompter, "{}");
        assertFalse(prompter.asked.contains("workload"));
    }

    @Test
    void prefilledAnswersAreNotAskedAgain() {
        ScriptedPrompter prompter = script(List.of("", "", "", "", ""));
        ObjectNode answers = run(prompter, "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}");
        assertEquals(List.of("purpose", "deployment", "workload", "priorities", "constraints"), prompter.asked);
        assertEquals("required", answers.get("async").asText());
    }

    @Test
    void backAsksThePreviousQuestionAgain() {
        ScriptedPrompter prompter = script(List.of("orm", "<", "driver", "postgresql", "", "", "", "", "", ""));
        ObjectNode answers = run(prompter, "{}");
        assertEquals(List.of("purpose", "databases", "purpose", "databases"), prompter.asked.subList(0, 4));
        assertEquals("driver", answers.get("purpose").asText());
        assertEquals("\"orm\"", prompter.offered.get(2).toString(), "going back offers the answer taken back");
    }

    @Test
    void backDoesNotUndoPrefilledAnswers() {
        ScriptedPrompter prompter = script(List.of("<", "", "", "", "", "", "", ""));
        Interview interview = new Interview(questionnaire, json("{\"purpose\":\"orm\"}"));
        assertFalse(interview.canGoBack());
        ObjectNode answers = new AskSession(interview, prompter, a -> "").run();
        assertEquals("orm", answers.get("purpose").asText());
        assertEquals(List.of("databases", "databases"), prompter.asked.subList(0, 2), "back at the first question asks it again");
    }

    @Test
    void theReviewChangesAnAnswerAndAsksWhatNowApplies() {
        ScriptedPrompter prompter = script(
                List.of("embedded-database", "", "", "", "", "", "", "orm", ""),
                List.of("purpose", ""));
        ObjectNode answers = run(prompter, "{}");
        assertEquals("orm", answers.get("purpose").asText());
        assertEquals("deployment", prompter.asked.get(prompter.asked.size() - 1),
                "deployment applies again once purpose is no longer embedded-database");
    }

    @Test
    void theReviewOffersTheEarlierAnswerAsCurrent() {
        ScriptedPrompter prompter = script(List.of("", "sqlite,duckdb", "", "", "", "", "", "", ""), List.of("databases", ""));
        run(prompter, "{}");
        assertEquals("[\"sqlite\",\"duckdb\"]", prompter.offered.get(prompter.offered.size() - 1).toString());
    }

    @Test
    void prioritiesKeepTheOrderGiven() {
        ScriptedPrompter prompter = script(List.of("", "", "", "", "", "", "maturity,type-safety", ""));
        assertEquals("[\"maturity\",\"type-safety\"]", run(prompter, "{}").get("priorities").toString());
    }

    @Test
    void runningOutOfAnswersAbandonsTheQuestionnaire() {
        ScriptedPrompter prompter = script(List.of("orm"));
        assertThrows(AbandonedException.class, () -> run(prompter, "{}"));
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
