package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.questionnaire.Question;
import java.util.Optional;

/** Asks questions of a user; the flow in {@link AskSession} decides which and when. */
public interface Prompter {

    /**
     * Asks one question until the user gives a valid answer or goes back. Help ("why does
     * this matter?") is handled here and never returned.
     *
     * @param current   the value shown as selected: the default or the earlier answer
     * @param canGoBack whether "back" is offered
     * @throws AbandonedException on Ctrl-C or end of input
     */
    Reply ask(Question question, JsonNode current, boolean canGoBack);

    /**
     * Shows every answer and asks whether to change one.
     *
     * @return the question to change, or empty to see the ranking
     */
    Optional<Question> review(Interview interview);

    /** Whether this prompter offers the review screen (a terminal does, a script does not). */
    boolean reviews();

    /** Tells the user something, e.g. the effect of the last answer. */
    void note(String line);
}
