package dev.dbpick.questionnaire;

import java.util.List;
import java.util.Optional;

/** The profile's fields in the order they are asked: the one definition every adapter reads. */
public record Questionnaire(List<Question> questions) implements java.io.Serializable {

    public Questionnaire {
        questions = List.copyOf(questions);
    }

    public Optional<Question> find(String field) {
        for (Question question : questions) {   // a loop, not a stream: every profile read asks this per field
            if (question.field().equals(field)) {
                return Optional.of(question);
            }
        }
        return Optional.empty();
    }

    public Question get(String field) {
        return find(field).orElseThrow(() -> new IllegalArgumentException("no question " + field));
    }

    public List<String> fields() {
        return questions.stream().map(Question::field).toList();
    }
}
