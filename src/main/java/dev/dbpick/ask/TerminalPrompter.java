package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.questionnaire.Choice;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.QuestionType;
import dev.dbpick.support.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.consoleui.prompt.CheckboxResult;
import org.jline.consoleui.prompt.ConsolePrompt;
import org.jline.consoleui.prompt.PromptResultItemIF;
import org.jline.consoleui.prompt.builder.CheckboxPromptBuilder;
import org.jline.consoleui.prompt.builder.ListPromptBuilder;
import org.jline.consoleui.prompt.builder.PromptBuilder;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The terminal UI: arrow keys move, Enter accepts; in a multiple choice, space toggles. The
 * current answer (the default the first time) is pre-selected. Two extra entries at the end
 * of every menu show why the question matters and go back.
 */
public final class TerminalPrompter implements Prompter {

    static final String HELP = "?help";
    static final String BACK = "<back";
    static final String DONE = "ranking";

    private final Terminal terminal;
    private final ConsolePrompt prompt;
    /** Notes shown above the next prompt; ConsolePrompt owns the screen while it asks. */
    private final List<AttributedString> pending = new ArrayList<>();

    public TerminalPrompter(Terminal terminal) {
        this.terminal = terminal;
        ConsolePrompt.UiConfig config = new ConsolePrompt.UiConfig();
        config.setCancellableFirstPrompt(false);
        this.prompt = new ConsolePrompt(terminal, config);
    }

    @Override
    public Reply ask(Question question, JsonNode current, boolean canGoBack) {
        while (true) {
            Set<String> chosen = question.type() == QuestionType.SINGLE
                    ? single(question, Answers.selected(question, current), canGoBack)
                    : several(question, Answers.selected(question, current), canGoBack);
            if (chosen.contains(HELP)) {
                note("  " + question.help());
                continue;
            }
            if (chosen.contains(BACK)) {
                return new Reply.Back();
            }
            if (question.max() != null && chosen.size() > question.max()) {
                note("  Choose at most " + question.max() + ".");
                continue;
            }
            return new Reply.Answer(Answers.of(question, chosen));
        }
    }

    private Set<String> single(Question question, List<String> selected, boolean canGoBack) {
        PromptBuilder builder = prompt.getPromptBuilder();
        ListPromptBuilder list = builder.createListPrompt().name(question.field()).message(question.prompt());
        List<Choice> ordered = new ArrayList<>();
        question.choices().stream().filter(c -> selected.contains(c.value())).forEach(ordered::add);
        question.choices().stream().filter(c -> !selected.contains(c.value())).forEach(ordered::add);
        for (Choice choice : ordered) {
            list.newItem(choice.value()).text(choice.label() + (selected.contains(choice.value()) ? "  (current)" : "")).add();
        }
        list.newItem(HELP).text("? Why does this question matter?").add();
        if (canGoBack) {
            list.newItem(BACK).text("< Back to the previous question").add();
        }
        list.addPrompt();
        return Set.of(run(builder, question.field()).getResult());
    }

    private Set<String> several(Question question, List<String> selected, boolean canGoBack) {
        PromptBuilder builder = prompt.getPromptBuilder();
        CheckboxPromptBuilder box = builder.createCheckboxPrompt().name(question.field())
                .message(question.prompt() + "  (space toggles, Enter accepts)");
        for (Choice choice : question.choices()) {
            box.newItem(choice.value()).text(choice.label()).checked(selected.contains(choice.value())).add();
        }
        box.newItem(HELP).text("? Why does this question matter?").add();
        if (canGoBack) {
            box.newItem(BACK).text("< Back to the previous question").add();
        }
        box.addPrompt();
        PromptResultItemIF result = run(builder, question.field());
        Set<String> chosen = new LinkedHashSet<>();
        if (result instanceof CheckboxResult checkbox) {
            question.values().stream().filter(checkbox.getSelectedIds()::contains).forEach(chosen::add);
            checkbox.getSelectedIds().stream().filter(id -> id.equals(HELP) || id.equals(BACK)).forEach(chosen::add);
            if (question.ordered() && chosen.size() > 1 && !chosen.contains(HELP) && !chosen.contains(BACK)) {
                return rank(question, chosen);
            }
        }
        return chosen;
    }

    /** Asks for the order of the chosen values, most important first. */
    private Set<String> rank(Question question, Set<String> chosen) {
        Set<String> ranked = new LinkedHashSet<>();
        List<String> left = new ArrayList<>(chosen);
        while (left.size() > 1) {
            PromptBuilder builder = prompt.getPromptBuilder();
            ListPromptBuilder list = builder.createListPrompt().name("rank")
                    .message(ranked.isEmpty() ? "Which matters most?" : "And next?");
            for (String value : left) {
                list.newItem(value).text(question.choices().stream().filter(c -> c.value().equals(value))
                        .map(Choice::label).findFirst().orElse(value)).add();
            }
            list.addPrompt();
            String first = run(builder, "rank").getResult();
            ranked.add(first);
            left.remove(first);
        }
        ranked.addAll(left);
        return ranked;
    }

    @Override
    public Optional<Question> review(Interview interview) {
        PromptBuilder builder = prompt.getPromptBuilder();
        ListPromptBuilder list = builder.createListPrompt().name("review").message("Review your answers");
        list.newItem(DONE).text("Show the ranking").add();
        for (Question q : interview.reviewable()) {
            list.newItem(q.field()).text("Change " + q.field() + ": " + Answers.describe(q, interview.current(q))).add();
        }
        list.addPrompt();
        String choice = run(builder, "review").getResult();
        return choice.equals(DONE) ? Optional.empty() : interview.questionnaire().find(choice);
    }

    @Override
    public boolean reviews() {
        return true;
    }

    @Override
    public void note(String line) {
        int width = Math.max(40, terminal.getWidth() - 2);
        for (String part : Text.wrap(line, width)) {
            pending.add(new AttributedString(part, AttributedStyle.DEFAULT.faint()));
        }
    }

    private PromptResultItemIF run(PromptBuilder builder, String name) {
        try {
            List<AttributedString> header = new ArrayList<>(pending);
            pending.clear();
            Map<String, PromptResultItemIF> results = prompt.prompt(header, builder.build());
            PromptResultItemIF result = results == null ? null : results.get(name);
            if (result == null) {
                throw new AbandonedException("cancelled");
            }
            return result;
        } catch (UserInterruptException e) {
            throw new AbandonedException("Ctrl-C");
        } catch (EndOfFileException e) {
            throw new AbandonedException("end of input");
        } catch (NullPointerException e) {
            // JLine 3.30.6's ConsolePrompt dereferences the null key binding it reads when the
            // input ends (AbstractPrompt$ListChoicePrompt.execute): that is end of input.
            throw new AbandonedException("end of input");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
