package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.questionnaire.Choice;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.QuestionType;
import dev.dbpick.support.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The terminal UI, one {@link Menu} per question: arrow keys move, Enter acts on the
 * highlighted entry; in a multiple choice Space ticks. The current answer (the default the first
 * time) is highlighted or ticked. After the choices come the actions: accept the ticks (multiple
 * choice), why the question matters, and back.
 */
public final class TerminalPrompter implements Prompter {

    static final String HELP = "!help";
    static final String BACK = "!back";
    static final String DONE = "!ranking";

    private final Terminal terminal;
    /** Notes shown above the next menu. */
    private final List<AttributedString> pending = new ArrayList<>();

    public TerminalPrompter(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Reply ask(Question question, JsonNode current, boolean canGoBack) {
        boolean multiple = question.type() != QuestionType.SINGLE;
        List<Menu.Entry> entries = new ArrayList<>();
        for (Choice choice : question.choices()) {
            entries.add(Menu.Entry.choice(choice.value(), choice.label()));
        }
        if (multiple) {
            entries.add(Menu.Entry.action(Menu.DONE, "Done: accept the ticked choices"));
        }
        entries.add(Menu.Entry.action(HELP, "? Why does this question matter?"));
        if (canGoBack) {
            entries.add(Menu.Entry.action(BACK, "< Back to the previous question"));
        }
        Menu.Outcome outcome = new Menu(terminal, takePending(), question.prompt(), entries, multiple, question.max(),
                question.ordered(), question.help(), Answers.selected(question, current)).run(HELP);
        if (outcome.entry().value().equals(BACK)) {
            return new Reply.Back();
        }
        List<String> chosen = multiple ? outcome.ticked() : List.of(outcome.entry().value());
        return new Reply.Answer(Answers.of(question, chosen));
    }

    @Override
    public Optional<Question> review(Interview interview) {
        List<Menu.Entry> entries = new ArrayList<>();
        entries.add(Menu.Entry.choice(DONE, "Show the ranking"));
        for (Question q : interview.reviewable()) {
            entries.add(Menu.Entry.choice(q.field(), "Change " + q.title() + ": "
                    + Answers.describe(q, interview.current(q))));
        }
        Menu.Outcome outcome = new Menu(terminal, takePending(), "Review your answers", entries, false, null, false,
                "", List.of(DONE)).run(HELP);
        String choice = outcome.entry().value();
        return choice.equals(DONE) ? Optional.empty() : interview.questionnaire().find(choice);
    }

    @Override
    public boolean reviews() {
        return true;
    }

    @Override
    public void note(String line) {
        int width = Math.max(40, terminal.getWidth() - 2);
        for (String part : Text.wrap(Text.printable(line), width)) {
            pending.add(new AttributedString(part, AttributedStyle.DEFAULT.faint()));
        }
    }

    private List<AttributedString> takePending() {
        List<AttributedString> header = new ArrayList<>(pending);
        pending.clear();
        return header;
    }
}
