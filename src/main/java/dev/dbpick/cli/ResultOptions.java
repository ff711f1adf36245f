package dev.dbpick.cli;

import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.render.DecisionRecord;
import dev.dbpick.render.Json;
import dev.dbpick.render.MarkdownRenderer;
import dev.dbpick.render.TableRenderer;
import dev.dbpick.render.View;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import picocli.CommandLine.Option;

/**
 * {@code --format}, {@code --top}, {@code --explain}, {@code --include} and {@code --as-of}: how a
 * ranking is made and printed.
 */
final class ResultOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json, markdown, or adr (a Markdown architecture decision record to commit)"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many recommendations to list; 0 lists all that fit (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--explain",
            description = "Show every score line with its rule, and every exclusion with its reasons.")
    boolean explain;

    @Option(names = "--include", paramLabel = "WHAT", completionCandidates = IncludeValues.class,
            description = "The what-if explanations to compute: pivots (answers that would change the first pick),"
                    + " relaxations (when nothing fits, the smallest ways out), both comma-separated, all, or none"
                    + " (default: all for table, markdown and adr, which show them; none for json, which then omits"
                    + " them).")
    String include;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge ages (last release, how old an async API or a fact is) as on this date, to reproduce "
                    + "an earlier answer (default: today).")
    String asOf;

    /** --top, checked. */
    int top() {
        if (top < 0) {
            throw new UsageException("--top must be 0 (all) or more, got " + top);
        }
        return top;
    }

    /**
     * --include, checked; when not given, what the format shows: none for JSON (a script asks
     * for what it reads), all for the formats people read.
     */
    Include include() {
        if (include == null) {
            return format == Format.JSON ? Include.NONE : Include.ALL;
        }
        try {
            return Include.parse(include);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--include: " + e.getMessage());
        }
    }

    /** The values --include completes to. */
    static final class IncludeValues implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Include.ALLOWED.iterator();
        }
    }

    /** --as-of, checked; today when not given. */
    LocalDate asOf() {
        return parseDate(asOf);
    }

    static LocalDate parseDate(String value) {
        if (value == null) {
            return Engine.today();
        }
        try {
            return dev.dbpick.recommendation.Evaluation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--as-of " + e.getMessage() + ", got \"" + dev.dbpick.support.Text.truncate(value, 40) + "\"");
        }
    }

    void print(Result result, Knowledge knowledge, PrintWriter out) {
        View view = Terminals.view(knowledge, explain);
        switch (format) {
            case JSON -> out.println(Json.write(result));
            case MARKDOWN -> MarkdownRenderer.render(result, view, out);
            case TABLE -> TableRenderer.render(result, view, out);
            case ADR -> DecisionRecord.render(result, view, out);
        }
        out.flush();
    }
}
