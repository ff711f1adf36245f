package dev.dbpick.ask;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questionnaire's flow: ask what is still missing, allow going back, say after each answer
 * what it changed, and offer a review where any answer can be changed before the result.
 */
public final class AskSession {

    private final Interview interview;
    private final Prompter prompter;
    private final Function<ObjectNode, String> effect;

    /**
     * @param effect describes what the answers so far mean, e.g. "11 of 52 libraries still fit"
     */
    public AskSession(Interview interview, Prompter prompter, Function<ObjectNode, String> effect) {
        this.interview = interview;
        this.prompter = prompter;
        this.effect = effect;
    }

    /**
     * Runs the questionnaire to the end.
     *
     * @return the profile document: every answer given or prefilled; skipped fields left out
     * @throws AbandonedException when the user leaves
     */
    public ObjectNode run() {
        while (true) {
            Optional<Question> next = interview.next();
            if (next.isPresent()) {
                Question question = next.get();
                Reply reply = prompter.ask(interview.present(question), interview.current(question), interview.canGoBack());
                if (reply instanceof Reply.Answer answer) {
                    interview.answer(question, answer.value());
                    prompter.note(effect.apply(interview.document()));
                } else {
                    interview.back();
                }
                continue;
            }
            Optional<Question> change = prompter.reviews() ? prompter.review(interview) : Optional.empty();
            if (change.isEmpty()) {
                return interview.document();
            }
            Question question = change.get();
            if (prompter.ask(interview.present(question), interview.current(question), false) instanceof Reply.Answer answer) {
                interview.change(question, answer.value());
                prompter.note(effect.apply(interview.document()));
            }
        }
    }
}
