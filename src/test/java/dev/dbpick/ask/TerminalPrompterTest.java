package dev.dbpick.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The terminal UI driven in-process: a JLine terminal over scripted key strokes. */
class TerminalPrompterTest {

    /** Arrows as xterm sends them in application-keypad mode, which the menu switches on. */
    private static final String DOWN = "\033OB";
    private static final String UP = "\033OA";
    private static final String ENTER = "\r";
    private static final String SPACE = " ";

    private final Questionnaire questionnaire = TestKnowledge.data().questionnaire();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private Terminal terminal;

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    @Test
    void enterAcceptsTheHighlightedCurrentValue() throws IOException {
        assertEquals("\"not-needed\"", answer("async", ENTER));
    }

    @Test
    void upFromTheCurrentValuePicksThePreviousChoice() throws IOException {
        assertEquals("\"stack\"", answer("purpose", UP + ENTER), "the cursor starts on the current value, any, the last choice");
    }

    @Test
    void spaceTicksInAMultipleChoiceAndEnterAccepts() throws IOException {
        assertEquals("[\"postgresql\",\"sqlite\"]", answer("databases", SPACE + DOWN + DOWN + DOWN + SPACE + ENTER));
    }

    @Test
    void enterWithNothingTickedAnswersNoneWhereverTheCursorIs() throws IOException {
        assertEquals("[]", answer("alreadyUses", DOWN + ENTER));
    }

    @Test
    void doneWithNothingTickedAnswersNone() throws IOException {
        assertEquals("[]", answer("databases", UP + UP + ENTER), "up from the first choice wraps to help, then done");
    }

    @Test
    void helpInAMultipleChoiceIsShownOnEnterCannotBeTickedAndKeepsTheTicks() throws IOException {
        String keys = SPACE + UP + SPACE + ENTER + UP + ENTER;
        assertEquals("[\"postgresql\"]", answer("databases", keys));
        assertTrue(screen().contains("One library must work with every database"), screen());
        assertTrue(screen().contains("Space ticks a choice; press Enter on"), screen());
    }

    @Test
    void backInAMultipleChoiceGoesBackWhateverIsTicked() throws IOException {
        Question databases = questionnaire.get("databases");
        Reply reply = prompter(SPACE + UP + ENTER).ask(databases, databases.defaultValue(), true);
        assertInstanceOf(Reply.Back.class, reply);
    }

    @Test
    void theLimitIsCheckedWhenTickingAndTheOrderOfTicksIsTheOrderOfImportance() throws IOException {
        String keys = DOWN + DOWN + SPACE + UP + UP + SPACE + DOWN + SPACE + DOWN + DOWN + SPACE + ENTER;
        assertEquals("[\"simplicity\",\"type-safety\",\"performance\"]", answer("priorities", keys));
        assertTrue(screen().contains("At most 3: untick one first."), screen());
    }

    @Test
    void theHelpEntryOfASingleChoiceShowsWhyTheQuestionMattersAndStays() throws IOException {
        assertEquals("\"not-needed\"", answer("async", DOWN + ENTER + UP + ENTER));
        assertTrue(screen().contains("Under asyncio a blocking call"), screen());
    }

    @Test
    void theBackEntryGoesBack() throws IOException {
        Question async = questionnaire.get("async");
        Reply reply = prompter(DOWN + DOWN + ENTER).ask(async, async.defaultValue(), true);
        assertInstanceOf(Reply.Back.class, reply);
    }

    @Test
    void theReviewScreenShowsTitlesAndWordsNeverIds() throws IOException {
        Interview interview = new Interview(questionnaire, dev.dbpick.support.Mappers.json().createObjectNode());
        assertTrue(prompter(ENTER).review(interview).isEmpty());
        assertTrue(screen().contains("Show the ranking"), screen());
        assertTrue(screen().contains("Change Kind of library: Any of these"), screen());
        assertFalse(screen().contains("!ranking") || screen().contains("answers ranking"), screen());
    }

    @Test
    void endOfInputAbandons() throws IOException {
        Question purpose = questionnaire.get("purpose");
        TerminalPrompter prompter = prompter(DOWN);
        assertThrows(AbandonedException.class, () -> prompter.ask(purpose, purpose.defaultValue(), false));
    }

    private String answer(String field, String keys) throws IOException {
        Question question = questionnaire.get(field);
        Reply reply = prompter(keys).ask(question, question.defaultValue(), false);
        return ((Reply.Answer) reply).value().toString();
    }

    private TerminalPrompter prompter(String keys) throws IOException {
        terminal = TerminalBuilder.builder()
                .system(false)
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen)
                .type("xterm")
                .size(new Size(100, 40))
                .attributes(raw())
                .build();
        return new TerminalPrompter(terminal);
    }

    /** Raw from the start, so no key is translated before the prompt switches the terminal to raw. */
    private static Attributes raw() {
        Attributes attributes = new Attributes();
        attributes.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ISIG), true);
        return attributes;
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }
}
