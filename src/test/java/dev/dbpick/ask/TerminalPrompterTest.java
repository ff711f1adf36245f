package dev.dbpick.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
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

    /** Down arrow as xterm sends it in application-keypad mode, which ConsolePrompt binds. */
    private static final String DOWN = "\033OB";
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
    void enterAcceptsThePreselectedCurrentValue() throws IOException {
        assertEquals("\"not-needed\"", answer("async", ENTER));
    }

    @Test
    void downAndEnterPickTheNextChoice() throws IOException {
        assertEquals("\"orm\"", answer("purpose", DOWN + ENTER), "the current value is listed first, then the others in order");
    }

    @Test
    void spaceTogglesInAMultipleChoice() throws IOException {
        assertEquals("[\"postgresql\",\"sqlite\"]", answer("databases", SPACE + DOWN + DOWN + DOWN + SPACE + ENTER));
    }

    @Test
    void theHelpEntryShowsWhyTheQuestionMattersAndAsksAgain() throws IOException {
        assertEquals("\"not-needed\"", answer("async", DOWN + DOWN + DOWN + ENTER + ENTER));
        assertTrue(screen().contains("Under asyncio a blocking call"), screen());
    }

    @Test
    void theBackEntryGoesBack() throws IOException {
        Question async = questionnaire.get("async");
        Reply reply = prompter(DOWN + DOWN + DOWN + DOWN + ENTER).ask(async, async.defaultValue(), true);
        assertInstanceOf(Reply.Back.class, reply);
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
