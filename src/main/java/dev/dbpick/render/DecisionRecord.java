package dev.dbpick.render;

import dev.dbpick.advice.Result;
import dev.dbpick.advice.StackEntry;
import dev.dbpick.catalog.Library;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.recommendation.Evaluation;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Reason;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result as an architecture decision record in the MADR shape: title, status, context (the
 * profile in words), decision drivers, considered options, the outcome with the lines that
 * decide it, the pros and cons of each option from its score lines and cautions, the options
 * rejected with their reasons, consequences, when to revisit, and how to reproduce it. Written
 * to be committed as it is, e.g. {@code docs/adr/0007-database-library.md}.
 */
public final class DecisionRecord {

    private static final int OPTIONS = 5;
    private static final int REVISIT_PIVOTS = 5;
    private static final int STALE_WITHIN_MONTHS = 6;

    private DecisionRecord() {
    }

    public static void render(Result result, View view, PrintWriter out) {
        List<Result.Recommendation> options = result.recommendations().stream().limit(OPTIONS).toList();
        boolean stack = result.stack() != null;
        String chosen = stack ? stackTitle(result.stack())
                : options.isEmpty() ? null : options.get(0).name();
        out.println("# " + (chosen == null ? "No library is recommended for these requirements yet" : "Use " + Markdown.text(chosen)
                + (stack ? "" : " for the data layer")));
        out.println();
        out.println("- Status: proposed");
        out.println("- Date: " + result.knowledge().evaluatedOn());
        out.println("- Evidence: dbpick, knowledge revision `" + result.knowledge().revision() + "` (" + result.knowledge().rules()
                + " rules, " + result.knowledge().libraries() + " libraries), facts judged as of " + result.knowledge().evaluatedOn());
        if (result.knowledge().team() != null) {
            out.println("- Team knowledge: `" + result.knowledge().team().folder() + "`, revision `"
                    + result.knowledge().team().revision() + "`, on top of the bundled rules and data");
        }
        if (result.knowledge().factsNote() != null) {
            out.println("- Note: " + Markdown.text(result.knowledge().factsNote()));
        }
        out.println();
        context(result, view, out);
        drivers(result, view, out);
        if (stack) {
            stackOutcome(result.stack(), view, out);
        } else {
            considered(options, out);
            outcome(result, options, view, out);
            prosAndCons(options, out);
        }
        if (!result.poorFits().isEmpty()) {
            out.println("## Options that fit but score below zero");
            out.println();
            for (Result.PoorFit p : result.poorFits()) {
                out.println("- " + Markdown.text(p.name()) + " (`" + p.id() + "`, " + p.score() + "): "
                        + String.join("; ", p.reasons().stream().filter(r -> r.points() < 0).limit(3).map(r -> Markdown.text(r.text())).toList()));
            }
            out.println();
        }
        rejected(result, out);
        revisit(result, options, view, out);
        reproduce(result, out);
    }

    private static void context(Result result, View view, PrintWriter out) {
        out.println("## Context and Problem Statement");
        out.println();
        List<String> lines = ProfileText.lines(result.profile(), view.questionnaire());
        out.println("Which Python library should " + (result.stack() != null ? "make up our data layer" : "our data layer use")
                + "? What we know about it:");
        out.println();
        if (lines.isEmpty()) {
            out.println("- Nothing decided yet: every answer is at its default.");
        } else {
            lines.forEach(line -> out.println("- " + Markdown.text(line)));
        }
        out.println();
    }

    private static void drivers(Result result, View view, PrintWriter out) {
        out.println("## Decision Drivers");
        out.println();
        List<String> drivers = new ArrayList<>();
        List<String> priorities = result.profile().priorities();
        for (int i = 0; i < priorities.size(); i++) {
            drivers.add("Priority " + (i + 1) + ": " + view.questionnaire().get("priorities").label(priorities.get(i)));
        }
        result.profile().constraints().forEach((name, on) -> {
            if (on) {
                drivers.add("Hard constraint: " + view.questionnaire().get("constraints").label(name));
            }
        });
        if (!"not-needed".equals(result.profile().async())) {
            drivers.add("asyncio: " + view.questionnaire().get("async").label(result.profile().async()));
        }
        if (!"none".equals(result.profile().framework())) {
            drivers.add("Web framework: " + view.questionnaire().get("framework").label(result.profile().framework()));
        }
        if (drivers.isEmpty()) {
            out.println("- No priority or hard constraint was given: fit with the answers above, maintenance and adoption decide.");
        } else {
            drivers.forEach(d -> out.println("- " + Markdown.text(d)));
        }
        out.println();
    }

    private static void considered(List<Result.Recommendation> options, PrintWriter out) {
        out.println("## Considered Options");
        out.println();
        if (options.isEmpty()) {
            out.println("None: no library passes every hard constraint with a score of zero or more.");
        }
        for (Result.Recommendation r : options) {
            out.println(r.rank() + ". " + Markdown.text(r.name()) + " (`" + r.id() + "`, " + r.kind() + "): " + r.score() + " points"
                    + (r.tiedWith().isEmpty() ? "" : ", tied with " + String.join(", ", r.tiedWith())));
        }
        out.println();
    }

    private static void outcome(Result result, List<Result.Recommendation> options, View view, PrintWriter out) {
        out.println("## Decision Outcome");
        out.println();
        if (options.isEmpty() && !result.poorFits().isEmpty()) {
            out.println("No option is chosen yet: " + result.poorFits().size() + " pass every hard requirement, but what counts"
                    + " against each outweighs what counts for it (see the options that fit but score below zero).");
            out.println();
            return;
        }
        if (options.isEmpty() && result.relaxations() == null) {
            out.println("No option is chosen yet: no library passes every hard requirement (see the options rejected below).");
            out.println();
            return;
        }
        if (options.isEmpty()) {
            out.println("No option is chosen yet. The smallest changes to the requirements after which one fits:");
            out.println();
            result.relaxations().stream().limit(OPTIONS).forEach(r -> out.println("- with " + Markdown.text(r.summary()) + ": "
                    + r.fits() + " fit, first " + Markdown.text(view.name(r.top()))));
            if (result.relaxations().isEmpty()) {
                out.println("- none of one or two answers: see the options rejected below.");
            }
            out.println();
            return;
        }
        Result.Recommendation first = options.get(0);
        Margin margin = result.margin();
        out.print("Chosen option: **" + Markdown.text(first.name()) + "**, because it scores highest for these requirements ("
                + first.score() + " points");
        if (margin != null) {
            out.print(", " + margin.points() + " ahead of " + Markdown.text(view.name(margin.second()))
                    + (margin.nearTie() ? ": a near tie, so the second option deserves a look" : ""));
        }
        out.println(").");
        if (margin != null && !margin.deciding().isEmpty()) {
            out.println();
            out.println(Markdown.text(MarginText.of(margin, view)));
        }
        out.println();
        out.println("### Consequences");
        out.println();
        first.reasons().stream().filter(r -> r.points() > 0).limit(3).forEach(r -> out.println("- Good: " + Markdown.text(r.text())));
        first.reasons().stream().filter(r -> r.points() < 0).forEach(r -> out.println("- Bad: " + Markdown.text(r.text())));
        first.cautions().stream().filter(c -> first.reasons().stream().noneMatch(r -> r.text().equals(c.text())))
                .forEach(c -> out.println("- Watch: " + Markdown.text(c.text())));
        if (first.reasons().isEmpty() && first.cautions().isEmpty()) {
            out.println("- Nothing in the requirements favours or disfavours it beyond fitting them.");
        }
        out.println();
    }

    private static void prosAndCons(List<Result.Recommendation> options, PrintWriter out) {
        if (options.isEmpty()) {
            return;
        }
        out.println("## Pros and Cons of the Options");
        out.println();
        for (Result.Recommendation r : options) {
            out.println("### " + Markdown.text(r.name()));
            out.println();
            pros(r.reasons(), r.cautions(), out);
        }
    }

    private static void pros(List<Reason> reasons, List<Note> cautions, PrintWriter out) {
        reasons.stream().filter(x -> x.points() > 0).forEach(x -> out.println("- Good, because " + lower(Markdown.text(x.text())) + " (+" + x.points() + ")"));
        reasons.stream().filter(x -> x.points() < 0).forEach(x -> out.println("- Bad, because " + lower(Markdown.text(x.text())) + " (" + x.points() + ")"));
        cautions.stream().filter(c -> reasons.stream().noneMatch(r -> r.text().equals(c.text())))
                .forEach(c -> out.println("- Caution: " + Markdown.text(c.text())));
        if (reasons.isEmpty() && cautions.isEmpty()) {
            out.println("- Neutral: it fits, and nothing in the requirements speaks for or against it.");
        }
        out.println();
    }

    private static void stackOutcome(List<StackEntry> stack, View view, PrintWriter out) {
        out.println("## Decision Outcome");
        out.println();
        out.println("| Database | Library | Runs on | Alternatives |");
        out.println("|---|---|---|---|");
        for (StackEntry e : stack) {
            out.println("| " + e.database() + " | " + (e.pick() == null ? "none fits" : Markdown.text(e.pick().name()) + " (`" + e.pick().id() + "`)")
                    + " | " + (e.runsOn() == null ? "-" : Markdown.text(e.runsOn().name()) + " (`" + e.runsOn().id() + "`)") + " | "
                    + String.join(", ", e.alternatives().stream().map(a -> Markdown.text(a.name())).toList()) + " |");
        }
        out.println();
        for (StackEntry e : stack) {
            out.println("### " + e.database() + (e.pick() == null ? "" : ": " + Markdown.text(e.pick().name())
                    + (e.runsOn() == null ? "" : " on " + Markdown.text(e.runsOn().name()))));
            out.println();
            pros(e.reasons(), List.of(), out);
        }
    }

    private static String stackTitle(List<StackEntry> stack) {
        List<String> parts = new ArrayList<>();
        for (StackEntry e : stack) {
            if (e.pick() != null) {
                parts.add(e.pick().name() + (e.runsOn() == null ? "" : " on " + e.runsOn().name()) + " for " + e.database());
            }
        }
        return parts.isEmpty() ? "no library yet" : String.join(", ", parts);
    }

    private static void rejected(Result result, PrintWriter out) {
        if (result.excluded().isEmpty()) {
            return;
        }
        out.println("## Options Rejected");
        out.println();
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Result.Excluded e : result.excluded()) {
            for (Note reason : e.reasons()) {
                byReason.computeIfAbsent(reason.text(), k -> new ArrayList<>()).add(e.name());
            }
        }
        out.println("| Reason | Libraries |");
        out.println("|---|---|");
        byReason.forEach((reason, names) -> out.println("| " + Markdown.text(reason) + " | "
                + Markdown.text(String.join(", ", names)) + " |"));
        out.println();
    }

    private static void revisit(Result result, List<Result.Recommendation> options, View view, PrintWriter out) {
        out.println("## Revisit When");
        out.println();
        List<String> items = new ArrayList<>();
        for (Pivot pivot : TableRenderer.listed(result.pivots()).stream().limit(REVISIT_PIVOTS).toList()) {
            items.add("the answer changes to " + pivot.summary() + ": the first pick would become " + view.name(pivot.top()));
        }
        LocalDate evaluated = LocalDate.parse(result.knowledge().evaluatedOn());
        Evaluation horizon = Evaluation.on(evaluated.plusMonths(STALE_WITHIN_MONTHS), view.settings().staleFactsAfterMonths());
        for (Result.Recommendation r : options) {
            view.catalog().find(r.id()).filter(l -> horizon.stale(l.asOf())).ifPresent(l -> items.add("the facts about "
                    + l.name() + " (checked " + l.asOf() + ") go stale, within " + STALE_WITHIN_MONTHS + " months: check its latest release"));
            view.catalog().find(r.id()).map(Library::advisories).orElse(List.of()).stream().filter(Library.Advisory::unfixed)
                    .filter(a -> a.publishedNotBefore() == null
                            || a.publishedNotBefore().compareTo(result.knowledge().evaluatedOn()) <= 0)
                    .forEach(a -> items.add(a.id() + " in " + r.name() + " gets a fixed release"));
        }
        if (items.isEmpty()) {
            items.add(result.pivots() == null ? "the requirements change"
                    : "the requirements change: no single answer change would change the pick");
        }
        items.forEach(i -> out.println("- " + Markdown.text(i)));
        out.println();
    }

    private static void reproduce(Result result, PrintWriter out) {
        out.println("## Reproduce");
        out.println();
        out.println("```bash");
        out.println("dbpick recommend --profile profile.json --as-of " + result.knowledge().evaluatedOn()
                + (result.knowledge().team() == null ? "" : " --team " + result.knowledge().team().folder()) + " --format adr");
        out.println("```");
        out.println();
        out.println("with knowledge revision `" + result.knowledge().revision() + "` and this `profile.json`:");
        out.println();
        out.println("```json");
        out.println(Json.compact(result.profile()));
        out.println("```");
    }

    private static String lower(String text) {
        return text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1)) ? text
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

}
