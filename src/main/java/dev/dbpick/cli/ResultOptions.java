package dev.dbpick.cli;

import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.recommendation.Result;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --top} and {@code --explain}: how a ranking is printed. */
final class ResultOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many recommendations to list; 0 lists all that fit (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--explain",
            description = "Show every score line with its rule, and every exclusion with its reasons.")
    boolean explain;

    /** --top, checked. */
    int top() {
        if (top < 0) {
            throw new UsageException("--top must be 0 (all) or more, got " + top);
        }
        return top;
    }

    void print(Result result, Questionnaire questionnaire, PrintWriter out) {
        switch (format) {
            case JSON -> out.println(Json.write(result));
            case MARKDOWN -> MarkdownRenderer.render(result, questionnaire, explain, out);
            case TABLE -> TableRenderer.render(result, questionnaire, explain, out);
        }
        out.flush();
    }
}
