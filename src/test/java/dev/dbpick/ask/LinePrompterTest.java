package dev.dbpick.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The numbered menus read line by line. */
class LinePrompterTest {

    private final Questionnaire questionnaire = TestKnowledge.data().questionnaire();
    private final StringWriter output = new StringWriter();

    @Test
    void aNumberPicksThatChoice() {
        Reply reply = ask("purpose", "2\n", false);
        assertEquals("\"driver\"", ((Reply.Answer) reply).value().toString());
    }

    @Test
    void aValueNameWorksLikeItsNumber() {
        Reply reply = ask("databases", "postgresql, 4\n", false);
        assertEquals("[\"postgresql\",\"sqlite\"]", ((Reply.Answer) reply).value().toString());
    }

    @Test
    void anEmptyLineKeepsTheMarkedDefault() {
        Reply reply = ask("async", "\n", false);
        assertEquals("\"not-needed\"", ((Reply.Answer) reply).value().toString());
        assertTrue(output.toString().contains("Not needed - plain synchronous code  *"), output.toString());
    }

    @Test
    void aDashChoosesNone() {
        Question databases = questionnaire.get("databases");
        Reply reply = prompter("-\n").ask(databases, Answers.of(databases, java.util.List.of("sqlite")), false);
        assertEquals("[]", ((Reply.Answer) reply).value().toString());
    }

    @Test
    void flagsBecomeAnObjectOfBooleans() {
        Reply reply = ask("constraints", "1,4\n", false);
        assertEquals("{\"permissiveLicense\":true,\"noNativeBuild\":false,\"standardLibraryOnly\":false,\"activelyMaintained\":true,"
                + "\"migrations\":false}",
                ((Reply.Answer) reply).value().toString());
    }

    @Test
    void invalidInputIsAskedAgainWithTheAllowedValues() {
        Reply reply = ask("purpose", "9\nfoo\n1\n", false);
        assertEquals("\"orm\"", ((Reply.Answer) reply).value().toString());
        assertTrue(output.toString().contains("Answer with one number from 1 to 7 (or a value: orm, driver"), output.toString());
    }

    @Test
    void moreThanTheMaximumIsAskedAgain() {
        Reply reply = ask("priorities", "1,2,3,4\n2\n", false);
        assertEquals("[\"performance\"]", ((Reply.Answer) reply).value().toString());
        assertTrue(output.toString().contains("at most 3"), output.toString());
    }

    @Test
    void aQuestionMarkShowsWhyTheQuestionMatters() {
        ask("async", "?\n1\n", false);
        assertTrue(output.toString().contains(questionnaire.get("async").help()), output.toString());
    }

    @Test
    void lessThanGoesBackWhenThereIsSomewhereToGo() {
        assertInstanceOf(Reply.Back.class, ask("async", "<\n", true));
        ask("purpose", "<\n3\n", false);
        assertTrue(output.toString().contains("nothing to go back to"), output.toString());
    }

    @Test
    void endOfInputAbandons() {
        assertThrows(AbandonedException.class, () -> ask("purpose", "", false));
    }

    private Reply ask(String field, String input, boolean canGoBack) {
        Question question = questionnaire.get(field);
        return prompter(input).ask(question, question.defaultValue(), canGoBack);
    }

    private LinePrompter prompter(String input) {
        return new LinePrompter(new BufferedReader(new StringReader(input)), new PrintWriter(output, true), false, false);
    }
}
