package dev.dbpick.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code project} part of a JSON answer given {@code --project}: what was read, the answers
 * it gave (applied or overridden), the catalog libraries it already uses, and notes.
 */
@JsonPropertyOrder({"path", "files", "answers", "libraries", "notes"})
public record ProjectSummary(String path, List<String> files, List<Answer> answers, List<Used> libraries, List<String> notes) {

    public ProjectSummary {
        files = List.copyOf(files);
        answers = List.copyOf(answers);
        libraries = List.copyOf(libraries);
        notes = List.copyOf(notes);
    }

    /** A catalog library the project depends on. */
    @JsonPropertyOrder({"id", "name", "declaredIn", "scope"})
    public record Used(String id, String name, String declaredIn, String scope) {
    }
}
