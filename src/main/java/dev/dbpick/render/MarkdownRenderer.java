package dev.dbpick.render;

import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import dev.dbpick.support.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A result as a Markdown document, for pull requests, wikis and design notes. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static void render(Result result, View view, PrintWriter out) {
        out.println("## dbpick ranking");
        out.println();
        out.println("Profile: " + Markdown.text(ProfileText.summary(result.profile(), view.questionnaire()))
                + " (evaluated on " + result.knowledge().evaluatedOn() + ", knowledge revision `"
                + result.knowledge().revision() + "`" + (result.knowledge().team() == null ? ""
                : ", team knowledge `" + result.knowledge().team().folder() + "` revision `" + result.knowledge().team().revision() + "`")
                + ")");
        if (result.knowledge().factsNote() != null) {
            out.println();
            out.println(Markdown.text(result.knowledge().factsNote()));
        }
        out.println();
        if (result.stack() != null) {
            out.println("| Database | Pick | Runs on | Alternatives |");
            out.println("|---|---|---|---|");
            for (var e : result.stack()) {
                out.println("| " + e.database() + " | " + (e.pick() == null ? "nothing fits" : Markdown.text(e.pick().name()) + " (`" + e.pick().id() + "`)"
                        + project(e.pick().project()))
                        + " | " + (e.runsOn() == null ? "-" : Markdown.text(e.runsOn().name()) + " (`" + e.runsOn().id() + "`)") + " | "
                        + String.join(", ", e.alternatives().stream().map(a -> Markdown.text(a.name())).toList()) + " |");
            }
            return;
        }
        if (result.recommendations().isEmpty()) {
            out.println("No library is recommended for this profile.");
        } else {
            table(result.recommendations().stream().map(r -> new Row(r.rank() + (r.tiedWith().isEmpty() ? "" : "="),
                    r.name(), r.id(), r.kind(), r.score(), r.reasons(), r.cautions(), project(r.project()) + layers(r))).toList(),
                    view.explain(), out);
        }
        margin(result.margin(), view, out);
        pivots("What would change the first pick", TableRenderer.listed(result.pivots()).stream().filter(p -> !p.defining())
                .toList(), view, out);
        pivots("Among the answers that define the project", TableRenderer.listed(result.pivots()).stream()
                .filter(Pivot::defining).toList(), view, out);
        if (!TableRenderer.listed(result.relaxations()).isEmpty()) {
            out.println();
            out.println("### The smallest ways out");
            out.println();
            for (Relaxation r : result.relaxations()) {
                out.println("- with " + Markdown.text(r.summary()) + ": " + r.fits() + " fit, first " + Markdown.text(view.name(r.top()))
                        + " (`" + r.top() + "`)");
            }
        }
        if (!result.poorFits().isEmpty()) {
            out.println();
            out.println("### Poor fits");
            out.println();
            out.println("They pass every hard constraint, but their score lines add up to less than zero.");
            out.println();
            table(result.poorFits().stream().map(p -> new Row("-", p.name(), p.id(), p.kind(), p.score(), p.reasons(),
                    p.cautions(), "")).toList(), view.explain(), out);
        }
        if (!result.excluded().isEmpty()) {
            out.println();
            out.println("### Excluded");
            out.println();
            out.println("| Library | Reasons |");
            out.println("|---|---|");
            for (Result.Excluded e : result.excluded()) {
                List<String> reasons = e.reasons().stream()
                        .map(n -> Markdown.text(n.text()) + (view.explain() ? " _(" + Markdown.text(n.rule()) + ")_" : "")).toList();
                out.println("| " + Markdown.text(e.name()) + " (`" + e.id() + "`) | " + String.join("<br>", reasons) + " |");
            }
        }
    }

    private record Row(String rank, String name, String id, String kind, int score, List<Reason> reasons, List<Note> cautions,
                       String project) {
    }

    /** In a cache answer, the caching layers on top of a client, to append to its cell. */
    private static String layers(Result.Recommendation r) {
        return r.layers().isEmpty() ? "" : "<br>+ a caching layer on top, if wanted: " + Markdown.text(String.join(", ",
                r.layers().stream().map(l -> l.name() + " (" + l.score() + ")").toList()));
    }

    /** With --project, where a library stands in it, as a line break and an emphasis to append to its cell. */
    private static String project(dev.dbpick.project.Standing standing) {
        return standing == null || standing.text() == null ? "" : "<br>_" + Markdown.text(standing.text()) + "_";
    }

    private static void table(List<Row> rows, boolean explain, PrintWriter out) {
        out.println("| # | Library | Kind | Score | " + (explain ? "Score lines" : "Deciding reasons") + " | Cautions |");
        out.println("|---:|---|---|---:|---|---|");
        for (Row r : rows) {
            List<String> reasons = new ArrayList<>();
            r.reasons().stream().limit(explain ? Long.MAX_VALUE : 3).forEach(reason ->
                    reasons.add(Text.signed(reason.points()) + " " + Markdown.text(reason.text())
                            + (explain ? " _(" + Markdown.text(reason.rule()) + ")_" : "")));
            List<String> cautions = r.cautions().stream().map(c -> Markdown.text(c.text())).toList();
            out.println("| " + r.rank() + " | " + Markdown.text(r.name()) + " (`" + r.id() + "`)" + r.project() + " | " + r.kind() + " | "
                    + r.score() + " | " + String.join("<br>", reasons) + " | " + String.join("<br>", cautions) + " |");
        }
    }

    private static void margin(Margin margin, View view, PrintWriter out) {
        if (margin == null) {
            return;
        }
        out.println();
        out.println(Markdown.text(MarginText.of(margin, view)));
    }

    private static void pivots(String title, List<Pivot> pivots, View view, PrintWriter out) {
        if (pivots.isEmpty()) {
            return;
        }
        out.println();
        out.println("### " + title);
        out.println();
        for (Pivot pivot : pivots) {
            out.println("- with " + Markdown.text(pivot.summary()) + ": " + Markdown.text(view.name(pivot.top())) + " (`" + pivot.top() + "`)");
        }
    }
}
