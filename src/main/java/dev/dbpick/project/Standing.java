package dev.dbpick.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where a library stands in the project read by {@code --project}: already a dependency, or a
 * pick that would replace ones it has (the same kind of library for the same database).
 *
 * @param declaredIn where the project declares it, e.g. "pyproject.toml:12"; null when it does not
 * @param scope      runtime, optional or development, when it is declared
 */
@JsonPropertyOrder({"alreadyDependency", "declaredIn", "scope", "replaces"})
public record Standing(boolean alreadyDependency, String declaredIn, String scope, List<Replaced> replaces) {

    public Standing {
        replaces = List.copyOf(replaces);
    }

    /** A library of the project that the pick would take the place of. */
    public record Replaced(String id, String name, String declaredIn) {
    }

    /** "already a dependency (pyproject.toml:12)", "would replace psycopg2 (requirements.txt:4)", or null. */
    @JsonIgnore
    public String text() {
        if (alreadyDependency) {
            return "already a dependency (" + declaredIn + ("development".equals(scope) ? ", for development" : "") + ")";
        }
        if (replaces.isEmpty()) {
            return null;
        }
        return "would replace " + String.join(", ", replaces.stream().map(r -> r.name() + " (" + r.declaredIn() + ")").toList());
    }
}
