package dev.dbpick.cli;

import dev.dbpick.support.Text;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.recommendation.Excluded;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import dev.dbpick.recommendation.Recommendation;
import dev.dbpick.recommendation.Result;
import java.io.PrintWriter;
import java.util.List;

/**
 * The terminal view of a result, at most 100 columns wide: rank, library, score and the
 * deciding reasons; with {@code explain}, every score line with its rule and every exclusion.
 */
final class TableRenderer {

    static final int WIDTH = 100;
    private static final int RANK = 3;
    private static final int LIBRARY = 22;
    private static final int SCORE = 5;
    private static final String GAP = "  ";
    private static final int INDENT = RANK + GAP.length() + LIBRARY + 1 + SCORE + GAP.length();
    private static final int REASONS = WIDTH - INDENT;
    private static final int DECIDING = 3;

    private TableRenderer() {
    }

    static void render(Result result, Questionnaire questionnaire, boolean explain, PrintWriter out) {
        int fitting = result.knowledge().libraries() - result.excluded().size();
        out.println(Text.truncate("Profile: " + ProfileText.summary(result.profile(), questionnaire), WIDTH));
        out.println(fitting + " of " + result.knowledge().libraries() + " libraries fit, "
                + result.excluded().size() + " excluded; knowledge revision " + result.knowledge().revision());
        out.println();
        if (result.recommendations().isEmpty()) {
            out.println("No library fits this profile. The exclusions below say why; relax a constraint.");
        } else {
            out.println(Text.padLeft("#", RANK) + GAP + Text.pad("LIBRARY", LIBRARY) + " " + Text.padLeft("SCORE", SCORE)
                    + GAP + (explain ? "SCORE LINES [RULE]" : "DECIDING REASONS"));
            result.recommendations().forEach(r -> row(r, explain, out));
        }
        int hidden = fitting - result.recommendations().size();
        if (hidden > 0) {
            out.println();
            out.println(hidden + " more fit; --top 0 shows all.");
        }
        if (explain) {
            excluded(result.excluded(), out);
        } else if (!result.excluded().isEmpty()) {
            out.println(result.excluded().size() + " excluded; --explain shows every score line and exclusion.");
        }
    }

    private static void row(Recommendation r, boolean explain, PrintWriter out) {
        String head = Text.padLeft(Integer.toString(r.rank()), RANK) + GAP
                + Text.pad(Text.truncate(r.name(), LIBRARY), LIBRARY) + " "
                + Text.padLeft(Integer.toString(r.score()), SCORE) + GAP;
        List<Reason> reasons = explain ? r.reasons() : r.reasons().stream().limit(DECIDING).toList();
        boolean first = true;
        for (Reason reason : reasons) {
            String line = Text.padLeft(Text.signed(reason.points()), 3) + " " + reason.text();
            for (String part : explain ? Text.wrap(line, "[" + reason.rule() + "]", REASONS)
                    : List.of(Text.truncate(line, REASONS))) {
                out.println((first ? head : " ".repeat(INDENT)) + part);
                first = false;
            }
        }
        if (reasons.isEmpty()) {
            out.println(head + "(no score lines: fits, but nothing in the profile favours it)");
        }
        for (Note caution : r.cautions()) {
            List<String> lines = explain ? Text.wrap("  ! " + caution.text(), "[" + caution.rule() + "]", REASONS)
                    : List.of(Text.truncate("  ! " + caution.text(), REASONS));
            lines.forEach(l -> out.println(" ".repeat(INDENT) + l));
        }
    }

    private static void excluded(List<Excluded> excluded, PrintWriter out) {
        if (excluded.isEmpty()) {
            return;
        }
        out.println();
        out.println("EXCLUDED");
        int width = WIDTH - LIBRARY - GAP.length();
        for (Excluded e : excluded) {
            boolean first = true;
            for (Note reason : e.reasons()) {
                for (String part : Text.wrap(reason.text(), "[" + reason.rule() + "]", width)) {
                    out.println((first ? Text.pad(Text.truncate(e.name(), LIBRARY), LIBRARY) : " ".repeat(LIBRARY)) + GAP + part);
                    first = false;
                }
            }
        }
    }
}
