package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A prompter that replays a script: for each question asked it takes the next step, records
 * what was asked and with which pre-selected value, and fails when the script runs out.
 */
final class ScriptedPrompter implements Prompter {

    /** One scripted reply: a value list (joined by commas; "" keeps the current), "<" for back. */
    private final Deque<String> steps;
    private final Deque<String> reviewSteps;
    final List<String> asked = new ArrayList<>();
    final List<JsonNode> offered = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    ScriptedPrompter(List<String> steps, List<String> reviewSteps) {
        this.steps = new ArrayDeque<>(steps);
        this.reviewSteps = new ArrayDeque<>(reviewSteps);
    }

    @Override
    public Reply ask(Question question, JsonNode current, boolean canGoBack) {
        asked.add(question.field());
        offered.add(current);
        if (steps.isEmpty()) {
            throw new AbandonedException("script ran out at " + question.field());
        }
        String step = steps.pop();
        if (step.equals("<")) {
            return new Reply.Back();
        }
        if (step.isEmpty()) {
            return new Reply.Answer(current);
        }
        return new Reply.Answer(Answers.of(question, List.of(step.split(","))));
    }

    @Override
    public Optional<Question> review(Interview interview) {
        String step = reviewSteps.isEmpty() ? "" : reviewSteps.pop();
        return step.isEmpty() ? Optional.empty() : interview.questionnaire().find(step);
    }

    @Override
    public boolean reviews() {
        return true;
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }
}
