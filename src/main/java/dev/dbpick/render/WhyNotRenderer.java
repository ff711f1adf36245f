package dev.dbpick.render;

import dev.dbpick.explanation.LineDifference;
import dev.dbpick.explanation.WhyNot;
import dev.dbpick.recommendation.Note;
import dev.dbpick.support.Text;
import java.io.PrintWriter;

/** "Why not X?" as text for a terminal or as Markdown. */
public final class WhyNotRenderer {

    private static final int INDENT = 7;

    private WhyNotRenderer() {
    }

    public static void table(WhyNot answer, View view, PrintWriter out) {
        int width = view.width();
        out.println(headline(answer));
        if (answer.project() != null && answer.project().text() != null) {
            out.println("In the project: " + answer.project().text() + ".");
        }
        if (!answer.exclusions().isEmpty()) {
            out.println();
            out.println("Excluded because:");
            for (Note n : answer.exclusions()) {
                Text.wrap("- " + n.text(), view.explain() ? "[" + n.rule() + "]" : "", width - 2)
                        .forEach(line -> out.println("  " + line));
            }
        }
        if (answer.versusTop() != null) {
            WhyNot.VersusTop versus = answer.versusTop();
            String top = view.name(versus.top());
            out.println();
            Text.wrap("Against the first pick, " + top + ", it is " + points(versus.pointsBehind()) + " behind"
                    + (answer.exclusions().isEmpty() ? "" : " on score lines alone") + "; the lines that differ:", width)
                    .forEach(out::println);
            for (LineDifference d : versus.lines()) {
                out.println(Text.padLeft(Text.signed(d.points()), 5) + "  " + Text.truncate(d.rule(), width - INDENT));
                side(top, d.firstPoints(), d.firstText(), width, out);
                side(answer.name(), d.otherPoints(), d.otherText(), width, out);
            }
        }
        out.println();
        Text.wrap(answer.note(), width).forEach(out::println);
        if (answer.admit() != null) {
            out.println("Apply it with: " + Json.compact(answer.admit().changes()));
        }
    }

    private static void side(String name, int points, String text, int width, PrintWriter out) {
        String line = name + ": " + (text == null ? "no line from this rule" : Text.signed(points) + " " + text);
        Text.wrap(line, width - INDENT).forEach(part -> out.println(" ".repeat(INDENT) + part));
    }

    public static void markdown(WhyNot answer, View view, PrintWriter out) {
        out.println("## Why not " + Markdown.text(answer.name()) + "?");
        out.println();
        out.println(Markdown.text(headline(answer)));
        if (answer.project() != null && answer.project().text() != null) {
            out.println();
            out.println("In the project: " + Markdown.text(answer.project().text()) + ".");
        }
        if (!answer.exclusions().isEmpty()) {
            out.println();
            out.println("Excluded because:");
            out.println();
            answer.exclusions().forEach(n -> out.println("- " + Markdown.text(n.text()) + " _(" + Markdown.text(n.rule()) + ")_"));
        }
        if (answer.versusTop() != null) {
            WhyNot.VersusTop versus = answer.versusTop();
            String top = view.name(versus.top());
            out.println();
            out.println("Against the first pick, " + Markdown.text(top) + ", it is " + points(versus.pointsBehind()) + " behind:");
            out.println();
            out.println("| Difference | Rule | " + Markdown.text(top) + " | " + Markdown.text(answer.name()) + " |");
            out.println("|---:|---|---|---|");
            for (LineDifference d : versus.lines()) {
                out.println("| " + Text.signed(d.points()) + " | " + Markdown.text(d.rule()) + " | " + cell(d.firstPoints(), d.firstText())
                        + " | " + cell(d.otherPoints(), d.otherText()) + " |");
            }
        }
        out.println();
        out.println(Markdown.text(answer.note()));
    }

    private static String cell(int points, String text) {
        return text == null ? "-" : Text.signed(points) + " " + Markdown.text(text);
    }

    private static String headline(WhyNot answer) {
        String where = switch (answer.status()) {
            case WhyNot.RECOMMENDED -> "recommended, #" + answer.rank() + " with " + points(answer.score());
            case WhyNot.POOR_FIT -> "a poor fit: it passes every hard constraint but scores " + answer.score();
            default -> "excluded";
        };
        return answer.name() + " (" + answer.id() + "): " + where + ".";
    }

    private static String points(int points) {
        return points + (Math.abs(points) == 1 ? " point" : " points");
    }
}
