package dev.dbpick.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --as-of} of the explaining commands (why-not, compare). */
final class AnswerOptions {

    /** What why-not and compare can print. */
    enum AnswerFormat { TABLE, JSON, MARKDOWN }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json or markdown (default: ${DEFAULT-VALUE}).")
    AnswerFormat format;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge ages as on this date, to reproduce an earlier answer (default: today).")
    String asOf;

    @Option(names = "--explain", description = "Name the rule behind every line.")
    boolean explain;

    LocalDate asOf() {
        return ResultOptions.parseDate(asOf);
    }
}
