package dev.dbpick.explanation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One changed answer that would change the first pick: apply {@code changes}, ask again, get
 * {@code top}. {@code defining} when the answer changed is one that defines the project
 * ({@code definingAnswers} of data/settings.yaml: the purpose, the databases, the framework, the
 * Python version) rather than one a team revisits to settle a choice.
 */
public record Pivot(ObjectNode changes, String top, String summary,
                    @Schema(description = "True when the answer it changes defines the project (definingAnswers in"
                            + " data/settings.yaml: purpose, databases, framework, python): listed after the answers a team"
                            + " revisits, and shown apart") boolean defining) {

    public Pivot(ObjectNode changes, String top, String summary) {
        this(changes, top, summary, false);
    }

    /**
     * The pivots in the order to read them: those that change a revisitable answer first, then
     * those that change a defining one, each group in the order given, each marked.
     */
    public static List<Pivot> arranged(List<Pivot> pivots, Set<String> defining) {
        if (pivots == null) {
            return null;
        }
        List<Pivot> marked = pivots.stream().map(p -> new Pivot(p.changes, p.top, p.summary, definesTheProject(p.changes, defining)))
                .toList();
        return Stream.concat(marked.stream().filter(p -> !p.defining), marked.stream().filter(Pivot::defining)).toList();
    }

    private static boolean definesTheProject(ObjectNode changes, Set<String> defining) {
        for (var names = changes.fieldNames(); names.hasNext(); ) {
            if (defining.contains(names.next())) {
                return true;
            }
        }
        return false;
    }
}
