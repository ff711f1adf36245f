package dev.dbpick.cli;

import dev.dbpick.support.Text;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.recommendation.Excluded;
import dev.dbpick.recommendation.Recommendation;
import dev.dbpick.recommendation.Result;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A result as a Markdown document, for pull requests, wikis and design notes. */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static void render(Result result, Questionnaire questionnaire, boolean explain, PrintWriter out) {
        out.println("## dbpick ranking");
        out.println();
        out.println("Profile: " + cell(ProfileText.summary(result.profile(), questionnaire))
                + " (knowledge revision `" + result.knowledge().revision() + "`)");
        out.println();
        out.println("| # | Library | Kind | Score | " + (explain ? "Score lines" : "Deciding reasons") + " | Cautions |");
        out.println("|---:|---|---|---:|---|---|");
        for (Recommendation r : result.recommendations()) {
            List<String> reasons = new ArrayList<>();
            r.reasons().stream().limit(explain ? Long.MAX_VALUE : 3).forEach(reason ->
                    reasons.add(Text.signed(reason.points()) + " " + cell(reason.text())
                            + (explain ? " _(" + cell(reason.rule()) + ")_" : "")));
            List<String> cautions = r.cautions().stream().map(c -> cell(c.text())).toList();
            out.println("| " + r.rank() + " | " + cell(r.name()) + " (`" + r.id() + "`) | " + r.kind() + " | "
                    + r.score() + " | " + String.join("<br>", reasons) + " | " + String.join("<br>", cautions) + " |");
        }
        if (!result.excluded().isEmpty()) {
            out.println();
            out.println("### Excluded");
            out.println();
            out.println("| Library | Reasons |");
            out.println("|---|---|");
            for (Excluded e : result.excluded()) {
                List<String> reasons = e.reasons().stream()
                        .map(n -> cell(n.text()) + (explain ? " _(" + cell(n.rule()) + ")_" : "")).toList();
                out.println("| " + cell(e.name()) + " (`" + e.id() + "`) | " + String.join("<br>", reasons) + " |");
            }
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
