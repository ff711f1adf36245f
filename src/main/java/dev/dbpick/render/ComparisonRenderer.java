package dev.dbpick.render;

import dev.dbpick.catalog.Library;
import dev.dbpick.explanation.Comparison;
import dev.dbpick.explanation.WhyNot;
import dev.dbpick.support.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Two to four libraries side by side: a grid with one column per library, as wide as the
 * terminal (cells wrap, never overflow), or a Markdown table.
 */
public final class ComparisonRenderer {

    private static final int LABEL = 14;
    private static final String GAP = "  ";

    private ComparisonRenderer() {
    }

    private record Row(String label, Function<Comparison.Entry, String> cell) {
    }

    private static List<Row> rows(Comparison comparison) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("kind", Comparison.Entry::kind));
        if (comparison.libraries().stream().anyMatch(e -> e.project() != null)) {
            rows.add(new Row("in project", e -> e.project() == null || e.project().text() == null ? "not a dependency"
                    : e.project().text()));
        }
        rows.add(new Row("for profile", e -> switch (e.status()) {
            case WhyNot.RECOMMENDED -> "#" + e.rank() + ", " + e.score() + " points";
            case WhyNot.POOR_FIT -> "poor fit, " + e.score() + " points";
            default -> "excluded";
        }));
        rows.add(new Row("databases", e -> e.facts().databases().isEmpty() ? "its own storage" : String.join(", ", e.facts().databases())));
        rows.add(new Row("asyncio", e -> {
            Library.AsyncSupport a = e.facts().async();
            return a.kind() + (a.since() == null ? "" : " since " + a.since() + " (" + a.sinceMonth() + ")")
                    + (a.syncApi() ? "" : ", async only");
        }));
        rows.add(new Row("license", e -> e.facts().license()));
        rows.add(new Row("typing", e -> e.facts().typing() + (e.facts().pydantic() ? ", Pydantic models" : "")));
        rows.add(new Row("migrations", e -> e.facts().migrations() == null ? "-" : e.facts().migrations()));
        rows.add(new Row("maintenance", e -> e.facts().lifecycle() + ", " + e.facts().devStatus() + "; " + e.facts().latestVersion()
                + " (" + e.facts().released() + ", " + dev.dbpick.recommendation.Evaluation.span(e.facts().monthsSinceRelease()) + " ago)"));
        rows.add(new Row("downloads", e -> e.facts().downloadRank() == null ? "outside the top 15,000" : "rank #" + e.facts().downloadRank()));
        rows.add(new Row("advisories", e -> e.facts().advisories().isEmpty() ? "none known"
                : String.join("; ", e.facts().advisories().stream().map(a -> a.id() + (a.unfixed() ? " (no fix)" : " (fixed in " + a.fixedIn() + ")")).toList())));
        rows.add(new Row("score lines", e -> e.reasons().isEmpty() ? "-"
                : String.join("\n", e.reasons().stream().map(r -> Text.signed(r.points()) + " " + r.text()).toList())));
        rows.add(new Row("cautions", e -> e.cautions().isEmpty() ? "-"
                : String.join("\n", e.cautions().stream().map(c -> "! " + c.text()).toList())));
        rows.add(new Row("excluded by", e -> e.exclusions().isEmpty() ? "-"
                : String.join("\n", e.exclusions().stream().map(n -> n.text()).toList())));
        return rows;
    }

    public static void table(Comparison comparison, View view, PrintWriter out) {
        List<Comparison.Entry> entries = comparison.libraries();
        int column = Math.max(12, (view.width() - LABEL - GAP.length() * entries.size()) / entries.size());
        out.println(Text.truncate("Profile: " + ProfileText.summary(comparison.profile(), view.questionnaire())
                + "  (evaluated on " + comparison.evaluatedOn() + ")", view.width()));
        out.println();
        StringBuilder head = new StringBuilder(Text.pad("", LABEL));
        for (Comparison.Entry e : entries) {
            head.append(GAP).append(Text.pad(Text.truncate(e.name() + " (" + e.id() + ")", column), column));
        }
        out.println(head.toString().stripTrailing());
        out.println(Text.pad("", LABEL) + (GAP + "-".repeat(column)).repeat(entries.size()));
        for (Row row : rows(comparison)) {
            List<List<String>> cells = new ArrayList<>();
            int height = 0;
            for (Comparison.Entry e : entries) {
                List<String> lines = new ArrayList<>();
                for (String paragraph : row.cell().apply(e).split("\n")) {
                    lines.addAll(Text.wrap(paragraph, column));
                }
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int i = 0; i < height; i++) {
                StringBuilder line = new StringBuilder(Text.pad(i == 0 ? row.label() : "", LABEL));
                for (List<String> cell : cells) {
                    line.append(GAP).append(Text.pad(i < cell.size() ? cell.get(i) : "", column));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }

    public static void markdown(Comparison comparison, View view, PrintWriter out) {
        out.println("## Comparison");
        out.println();
        out.println("Profile: " + Markdown.text(ProfileText.summary(comparison.profile(), view.questionnaire()))
                + " (evaluated on " + comparison.evaluatedOn() + ")");
        out.println();
        StringBuilder head = new StringBuilder("| |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Comparison.Entry e : comparison.libraries()) {
            head.append(' ').append(Markdown.text(e.name())).append(" (`").append(e.id()).append("`) |");
            rule.append("---|");
        }
        out.println(head);
        out.println(rule);
        for (Row row : rows(comparison)) {
            StringBuilder line = new StringBuilder("| " + row.label() + " |");
            for (Comparison.Entry e : comparison.libraries()) {
                List<String> paragraphs = java.util.Arrays.stream(row.cell().apply(e).split("\n")).map(Markdown::text).toList();
                line.append(' ').append(String.join("<br>", paragraphs)).append(" |");
            }
            out.println(line);
        }
    }
}
