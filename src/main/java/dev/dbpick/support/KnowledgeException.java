package dev.dbpick.support;

import java.util.List;

/**
 * The rules or the data cannot be used: each problem names the file, and the line or entry.
 * The CLI maps this to exit code 3.
 */
public class KnowledgeException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeException(String summary, List<String> problems) {
        super(summary);
        this.problems = List.copyOf(problems);
    }

    public KnowledgeException(String problem) {
        this(problem, List.of(problem));
    }

    /** One line per problem, e.g. {@code rules/async.drl:12: unable to resolve type "Libary"}. */
    public List<String> problems() {
        return problems;
    }
}
