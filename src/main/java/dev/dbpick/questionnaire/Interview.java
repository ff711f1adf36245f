package dev.dbpick.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.support.Mappers;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a questionnaire stands: the answers given so far, which question comes next, and the
 * way back. Pure logic, no input or output, so the flow is tested without a terminal.
 *
 * <p>A question is asked when it has no answer yet (answers given up front, from a profile or
 * flags, are not asked again) and none of its {@code skipWhen} conditions holds for the
 * answers so far, defaults standing in for questions not yet answered. A condition on a list
 * holds when every value chosen is one it names, so questions that earlier answers settle (the
 * deployment, once only server databases are chosen) are not asked.
 */
public final class Interview {

    private final Questionnaire questionnaire;
    private final ObjectNode answers;
    private final Set<String> given;
    private final Deque<String> asked = new ArrayDeque<>();
    /** Answers taken back with {@link #back()}, offered again as the current value. */
    private final ObjectNode withdrawn = Mappers.json().createObjectNode();

    /**
     * @param prefilled answers known before the first question (a profile document's fields)
     */
    public Interview(Questionnaire questionnaire, ObjectNode prefilled) {
        this.questionnaire = questionnaire;
        this.answers = prefilled.deepCopy();
        this.given = new HashSet<>();
        prefilled.fieldNames().forEachRemaining(given::add);
    }

    /** The next question to ask, or empty when every question is answered or skipped. */
    public Optional<Question> next() {
        return questionnaire.questions().stream()
                .filter(q -> !answers.has(q.field()) && !skipped(q))
                .findFirst();
    }

    /** Records an answer to a question. */
    public void answer(Question question, JsonNode value) {
        answers.set(question.field(), value);
        asked.push(question.field());
    }

    /** Forgets the last answer given in this interview, so it is asked again; false if there is none. */
    public boolean back() {
        if (asked.isEmpty()) {
            return false;
        }
        String field = asked.pop();
        withdrawn.set(field, answers.remove(field));
        return true;
    }

    public boolean canGoBack() {
        return !asked.isEmpty();
    }

    /** Replaces an answer during the review; a later question it now skips loses its answer. */
    public void change(Question question, JsonNode value) {
        answers.set(question.field(), value);
        questionnaire.questions().stream()
                .filter(q -> skipped(q) && answers.has(q.field()) && !given.contains(q.field()))
                .forEach(q -> answers.remove(q.field()));
    }

    /** The value a question has now: its answer, else the answer taken back, else its default. */
    public JsonNode current(Question question) {
        JsonNode value = answers.get(question.field());
        if (value == null || value.isNull()) {
            value = withdrawn.get(question.field());
        }
        return value == null || value.isNull() ? question.defaultValue() : value;
    }

    /** The question as it is put now: its prompt reworded when a {@code promptWhen} condition holds. */
    public Question present(Question question) {
        return question.promptWhen().stream().filter(w -> holds(w.when())).findFirst()
                .map(w -> question.withPrompt(w.prompt())).orElse(question);
    }

    /** Whether a question is left out because of the answers so far. */
    public boolean skipped(Question question) {
        return question.skipWhen().stream().anyMatch(this::holds);
    }

    /**
     * Whether every field a condition names has one of its values; for a list (the databases), whether
     * it is not empty and every value chosen is one of them: PostgreSQL alone, or with MySQL, settles
     * that the data lives on a server.
     */
    private boolean holds(Map<String, List<String>> condition) {
        return condition.entrySet().stream().allMatch(e -> {
            JsonNode value = current(questionnaire.get(e.getKey()));
            if (value.isArray()) {
                boolean all = !value.isEmpty();
                for (JsonNode item : value) {
                    all &= item.isTextual() && e.getValue().contains(item.asText());
                }
                return all;
            }
            return value.isTextual() && e.getValue().contains(value.asText());
        });
    }

    /** The questions a review shows: every one that is not skipped, in order. */
    public List<Question> reviewable() {
        return questionnaire.questions().stream().filter(q -> !skipped(q)).toList();
    }

    /** The profile document so far: only answered fields; the rest take their defaults. */
    public ObjectNode document() {
        ObjectNode document = Mappers.json().createObjectNode();
        questionnaire.questions().stream()
                .filter(q -> answers.has(q.field()) && !skipped(q))
                .forEach(q -> document.set(q.field(), answers.get(q.field())));
        return document;
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }
}
