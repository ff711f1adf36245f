package dev.dbpick.render;

import dev.dbpick.advice.Result;
import dev.dbpick.advice.StackEntry;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.project.Standing;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import dev.dbpick.support.Text;
import java.io.PrintWriter;
import java.util.List;

/**
 * The terminal view of a result, as wide as the terminal: rank, library, score and the deciding
 * reasons; the margin in words; the answers that would change the first pick; poor fits after a
 * separator; and, when nothing fits, the smallest ways out. With {@code explain}, every score
 * line with its rule and every exclusion. Pivots and relaxations are shown when the result has
 * them (they are computed only on request).
 */
public final class TableRenderer {

    private static final int RANK = 3;
    private static final int LIBRARY = 22;
    private static final int SCORE = 5;
    private static final String GAP = "  ";
    private static final int INDENT = RANK + 1 + GAP.length() - 1 + LIBRARY + 1 + SCORE + GAP.length();
    private static final int DECIDING = 3;
    private static final int PIVOTS = 3;
    private static final int RELAXATIONS = 5;

    private TableRenderer() {
    }

    public static void render(Result result, View view, PrintWriter out) {
        if (result.stack() != null) {
            stack(result, view, out);
            return;
        }
        int width = view.width();
        int fitting = result.recommendations().size() + result.poorFits().size()
                + hiddenRecommendations(result) + layers(result);
        out.println(Text.truncate("Profile: " + ProfileText.summary(result.profile(), view.questionnaire()), width));
        print(fitting + " of " + result.knowledge().libraries() + " libraries fit, " + result.excluded().size()
                + " excluded; evaluated on " + result.knowledge().evaluatedOn() + ", knowledge revision "
                + result.knowledge().revision(), width, out);
        if (result.knowledge().factsNote() != null) {
            print(result.knowledge().factsNote(), width, out);
        }
        out.println();
        if (result.recommendations().isEmpty()) {
            nothingFits(result, view, out);
        } else {
            out.println(view.paint(View.Style.FAINT, Text.padLeft("#", RANK) + " " + GAP.substring(1) + Text.pad("LIBRARY", LIBRARY)
                    + " " + Text.padLeft("SCORE", SCORE) + GAP + (view.explain() ? "SCORE LINES [RULE]" : "DECIDING REASONS")));
            for (Result.Recommendation r : result.recommendations()) {
                row(Text.padLeft(Integer.toString(r.rank()), RANK) + (r.tiedWith().isEmpty() ? " " : "="), r.name(), r.score(),
                        r.reasons(), r.cautions(), view, out);
                project(r.project(), INDENT, view.width() - INDENT, view, out);
                if (!r.layers().isEmpty()) {
                    out.println(" ".repeat(INDENT) + Text.truncate("  + a caching layer on top, if wanted: " + String.join(", ",
                            r.layers().stream().map(l -> l.name() + " (" + l.score() + ")").toList()), view.width() - INDENT));
                }
            }
            if (result.recommendations().stream().anyMatch(r -> !r.tiedWith().isEmpty())) {
                out.println(Text.wrap("= equal score; the more downloaded library is listed first.", width).get(0));
            }
        }
        int hidden = hiddenRecommendations(result);
        if (hidden > 0) {
            out.println();
            print(hidden + " more recommended; --top 0 shows all.", width, out);
        }
        margin(result.margin(), view, out);
        pivots(result.pivots(), view, out);
        poorFits(result.poorFits(), view, out);
        if (view.explain()) {
            excluded(result.excluded(), width, out);
        } else if (!result.excluded().isEmpty()) {
            out.println();
            print(result.excluded().size() + " excluded; --explain shows every score line and exclusion,"
                    + " 'dbpick why-not ID' one library.", width, out);
        }
        team(result, width, out);
    }

    /** The footer line naming the team's layer when one took part. */
    private static void team(Result result, int width, PrintWriter out) {
        String line = result.knowledge().teamLine();
        if (line != null) {
            out.println();
            print("With " + line + ".", width, out);
        }
    }

    private static final int DATABASE = 12;

    /** A whole data layer: per database, the pick, the driver it runs on, the reasons, and what would change it. */
    private static void stack(Result result, View view, PrintWriter out) {
        int width = view.width();
        out.println(Text.truncate("Profile: " + ProfileText.summary(result.profile(), view.questionnaire()), width));
        out.println("A whole data layer, one pick per database; evaluated on " + result.knowledge().evaluatedOn()
                + ", knowledge revision " + result.knowledge().revision());
        if (result.knowledge().factsNote() != null) {
            print(result.knowledge().factsNote(), width, out);
        }
        out.println();
        String indent = " ".repeat(DATABASE + 2);
        int text = width - indent.length();
        for (StackEntry e : result.stack()) {
            String head = "  " + Text.pad(e.database(), DATABASE);
            if (e.pick() == null) {
                out.println(head + "nothing fits");
                listed(e.relaxations()).stream().limit(RELAXATIONS).forEach(r -> out.println(indent + Text.truncate("with " + r.summary()
                        + ": " + r.fits() + " fit, first " + view.name(r.top()), text)));
                out.println();
                continue;
            }
            out.println(head + Text.truncate(e.pick().name() + " (" + e.pick().kind() + ", " + e.pick().score() + ")"
                    + (e.runsOn() == null ? "" : "  runs on " + e.runsOn().name() + " (" + e.runsOn().kind() + ")"), text));
            project(e.pick().project(), indent.length(), text, view, out);
            if (e.runsOn() != null && e.runsOn().project() != null && e.runsOn().project().text() != null) {
                out.println(indent + Text.truncate(e.runsOn().name() + ": " + e.runsOn().project().text(), text));
            }
            e.reasons().stream().limit(view.explain() ? Long.MAX_VALUE : DECIDING).forEach(r -> out.println(indent
                    + Text.truncate(Text.padLeft(Text.signed(r.points()), 3) + " " + r.text(), text)));
            if (e.runsOn() != null) {
                e.runsOnReasons().stream().limit(view.explain() ? Long.MAX_VALUE : 2).forEach(r -> out.println(indent
                        + Text.truncate(Text.padLeft(Text.signed(r.points()), 3) + " " + e.runsOn().name() + ": " + r.text(), text)));
            }
            if (!e.alternatives().isEmpty()) {
                out.println(indent + Text.truncate("alternatives: " + String.join(", ",
                        e.alternatives().stream().map(StackEntry.Pick::name).toList()), text));
            }
            if (e.margin() != null && e.margin().nearTie()) {
                out.println(indent + Text.truncate(MarginText.headline(e.margin(), view), text));
            }
            listed(e.pivots()).stream().limit(2).forEach(p -> out.println(indent + Text.truncate("with " + p.summary() + ": "
                    + view.name(p.top()), text)));
            out.println();
        }
        print("--format json has every line and exclusion per database, with --include all every answer change; --format adr"
                + " a decision record.",
                view.width(), out);
        team(result, view.width(), out);
    }

    /** The explanations of a result, none when they were not asked for. */
    static <T> List<T> listed(List<T> explanations) {
        return explanations == null ? List.of() : explanations;
    }

    private static int hiddenRecommendations(Result result) {
        int fittingTotal = result.knowledge().libraries() - result.excluded().size() - result.poorFits().size();
        return Math.max(0, fittingTotal - result.recommendations().size() - layers(result));
    }

    /** How many caching layers are shown on top of their clients rather than ranked. */
    private static int layers(Result result) {
        return result.recommendations().stream().mapToInt(r -> r.layers().size()).sum();
    }

    private static void row(String rank, String name, int score, List<Reason> reasons, List<Note> cautions, View view,
                            PrintWriter out) {
        int width = view.width() - INDENT;
        String head = view.paint(View.Style.BOLD, rank + GAP.substring(1) + Text.pad(Text.truncate(name, LIBRARY), LIBRARY))
                + " " + view.paint(score < 0 ? View.Style.BAD : View.Style.BOLD, Text.padLeft(Integer.toString(score), SCORE)) + GAP;
        List<Reason> shown = view.explain() ? reasons : reasons.stream().limit(DECIDING).toList();
        boolean first = true;
        for (Reason reason : shown) {
            String line = Text.padLeft(Text.signed(reason.points()), 3) + " " + reason.text();
            boolean firstPart = true;
            for (String part : view.explain() ? Text.wrap(line, "[" + reason.rule() + "]", width)
                    : List.of(Text.truncate(line, width))) {
                String painted = firstPart && part.length() >= 3
                        ? view.paint(reason.points() < 0 ? View.Style.BAD : View.Style.GOOD, part.substring(0, 3)) + part.substring(3)
                        : part;
                out.println((first ? head : " ".repeat(INDENT)) + painted);
                first = false;
                firstPart = false;
            }
        }
        if (reasons.isEmpty()) {
            out.println(head + "(no score lines: it fits, but nothing in the profile favours it)");
        } else if (shown.size() < reasons.size()) {
            int rest = reasons.stream().skip(shown.size()).mapToInt(Reason::points).sum();
            out.println(" ".repeat(INDENT) + Text.padLeft(Text.signed(rest), 3) + " from " + (reasons.size() - shown.size())
                    + " more line" + (reasons.size() - shown.size() == 1 ? "" : "s") + " (--explain)");
        }
        for (Note caution : cautions) {
            List<String> lines = view.explain() ? Text.wrap("  ! " + caution.text(), "[" + caution.rule() + "]", width)
                    : List.of(Text.truncate("  ! " + caution.text(), width));
            lines.forEach(l -> out.println(" ".repeat(INDENT) + view.paint(View.Style.WARN, l)));
        }
    }

    /** With --project: "= already a dependency (pyproject.toml:12)" or "~ would replace psycopg2 (requirements.txt:4)". */
    private static void project(Standing standing, int indent, int width, View view, PrintWriter out) {
        String text = standing == null ? null : standing.text();
        if (text != null) {
            out.println(" ".repeat(indent) + view.paint(standing.alreadyDependency() ? View.Style.GOOD : View.Style.WARN,
                    Text.truncate((standing.alreadyDependency() ? "  = " : "  ~ ") + text, width)));
        }
    }

    private static void margin(Margin margin, View view, PrintWriter out) {
        if (margin == null) {
            return;
        }
        out.println();
        Text.wrap(MarginText.of(margin, view), view.width()).forEach(out::println);
    }

    private static void pivots(List<Pivot> pivots, View view, PrintWriter out) {
        if (pivots == null || pivots.isEmpty()) {
            return;
        }
        List<Pivot> revisitable = pivots.stream().filter(p -> !p.defining()).toList();
        List<Pivot> defining = pivots.stream().filter(Pivot::defining).toList();
        pivotGroup("What would change the first pick:", revisitable, view, out);
        if (revisitable.isEmpty()) {
            out.println();
            print("No answer a team revisits (priorities, workload, asyncio, what the code uses, constraints) would change"
                    + " the first pick.", view.width(), out);
        }
        pivotGroup("Among the answers that define the project:", defining, view, out);
        if (pivots.size() > Math.min(PIVOTS, revisitable.size()) + Math.min(PIVOTS, defining.size())) {
            out.println("  and more: --format json --include pivots lists every one");
        }
    }

    private static void pivotGroup(String title, List<Pivot> pivots, View view, PrintWriter out) {
        if (pivots.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        for (Pivot pivot : pivots.stream().limit(PIVOTS).toList()) {
            out.println(Text.truncate("  with " + pivot.summary() + ": " + view.name(pivot.top()), view.width()));
        }
    }

    private static void nothingFits(Result result, View view, PrintWriter out) {
        out.println(view.paint(View.Style.BAD, "No library is recommended for this profile."));
        if (!view.explain()) {
            exclusionsByReason(result, view, out);
        }
        if (!result.poorFits().isEmpty()) {
            int n = result.poorFits().size();
            print((n == 1 ? "One library passes every hard constraint but scores" : n + " libraries pass every hard"
                    + " constraint but score") + " below zero: the poor fits below say what counts against "
                    + (n == 1 ? "it." : "them."), view.width(), out);
            return;
        }
        if (result.relaxations() == null) {
            print("--include relaxations lists the smallest changes of answers after which one fits.", view.width(), out);
            return;
        }
        if (result.relaxations().isEmpty()) {
            print("No change of one or two answers makes one fit; " + (view.explain() ? "the exclusions below say"
                    : "--explain lists every exclusion, saying") + " what rules each library out.", view.width(), out);
            return;
        }
        out.println("The smallest ways out (no smaller change would do):");
        for (Relaxation relaxation : result.relaxations().stream().limit(RELAXATIONS).toList()) {
            out.println(Text.truncate("  with " + relaxation.summary() + ": " + relaxation.fits() + " fit"
                    + (relaxation.fits() == 1 ? "s" : "") + ", first " + view.name(relaxation.top()), view.width()));
        }
        if (result.relaxations().size() > RELAXATIONS) {
            out.println("  and " + (result.relaxations().size() - RELAXATIONS) + " more (--format json --include relaxations lists"
                    + " every one)");
        }
    }

    /**
     * When nothing fits, why: the hard constraints that rule libraries out, each with how many
     * libraries it excludes and the first few of them, most excluding first.
     */
    private static void exclusionsByReason(Result result, View view, PrintWriter out) {
        java.util.Map<String, List<String>> byRule = new java.util.LinkedHashMap<>();
        for (Result.Excluded e : result.excluded()) {
            for (Note reason : e.reasons()) {
                byRule.computeIfAbsent(reason.rule(), k -> new java.util.ArrayList<>()).add(e.name());
            }
        }
        if (byRule.isEmpty()) {
            return;
        }
        out.println("What rules them out (a library may fail several):");
        byRule.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, List<String>>comparingByValue(
                        java.util.Comparator.comparingInt(List::size)).reversed())
                .forEach(entry -> {
                    List<String> names = entry.getValue();
                    String some = String.join(", ", names.stream().limit(3).toList()) + (names.size() > 3 ? ", ..." : "");
                    out.println(Text.truncate("  " + Text.padLeft(Integer.toString(names.size()), 3) + "  "
                            + entry.getKey() + " (" + some + ")", view.width()));
                });
        out.println();
    }

    /** A line of prose, wrapped to the width. */
    private static void print(String text, int width, PrintWriter out) {
        Text.wrap(text, width).forEach(out::println);
    }

    private static void poorFits(List<Result.PoorFit> poorFits, View view, PrintWriter out) {
        if (poorFits.isEmpty()) {
            return;
        }
        out.println();
        out.println("-".repeat(Math.min(view.width(), 40)));
        Text.wrap("Poor fits: they pass every hard constraint, but their score lines add up to less than zero.",
                view.width()).forEach(out::println);
        for (Result.PoorFit p : poorFits) {
            row(Text.padLeft("-", RANK) + " ", p.name(), p.score(), p.reasons(), p.cautions(), view, out);
        }
    }

    private static void excluded(List<Result.Excluded> excluded, int width, PrintWriter out) {
        if (excluded.isEmpty()) {
            return;
        }
        out.println();
        out.println("EXCLUDED");
        int text = width - LIBRARY - GAP.length();
        for (Result.Excluded e : excluded) {
            boolean first = true;
            for (Note reason : e.reasons()) {
                for (String part : Text.wrap(reason.text(), "[" + reason.rule() + "]", text)) {
                    out.println((first ? Text.pad(Text.truncate(e.name(), LIBRARY), LIBRARY) : " ".repeat(LIBRARY)) + GAP + part);
                    first = false;
                }
            }
        }
    }
}
