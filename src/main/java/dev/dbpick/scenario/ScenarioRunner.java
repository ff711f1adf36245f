package dev.dbpick.scenario;

import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.advice.StackEntry;
import dev.dbpick.explanation.Include;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.dbpick.scenario.ScenarioResult.Check;
import dev.dbpick.scenario.ScenarioResult.Kind;

/** Runs scenarios against knowledge and reports, for each, every expectation that failed. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static List<ScenarioResult> run(Engine engine, List<Scenario> scenarios) {
        Set<String> ruleNames = new HashSet<>(engine.knowledge().rules().names());
        return scenarios.stream().map(s -> run(engine, s, ruleNames)).toList();
    }

    private static ScenarioResult run(Engine engine, Scenario scenario, Set<String> ruleNames) {
        if (scenario.profile().stack()) {
            return runStack(engine, scenario, ruleNames);
        }
        Ranking result = engine.rank(scenario.profile(), scenario.asOf());
        List<String> ranking = result.recommended().stream().map(Assessment::id).toList();
        Set<String> excluded = new HashSet<>(result.excluded().stream().map(Assessment::id).toList());
        List<Check> checks = new ArrayList<>();
        if (!scenario.top().isEmpty()) {
            String first = ranking.isEmpty() ? "nothing (every library excluded)" : describe(result, 0);
            checks.add(check(Kind.FIRST_PICK, !ranking.isEmpty() && scenario.top().contains(ranking.get(0)),
                    "top: expected " + oneOf(scenario.top()) + ", got " + first));
        }
        for (Map.Entry<Integer, List<String>> entry : scenario.inTop().entrySet()) {
            for (String id : entry.getValue()) {
                int place = ranking.indexOf(id) + 1;
                checks.add(check(Kind.TOP_K, place > 0 && place <= entry.getKey(), "inTop " + entry.getKey() + ": expected " + id
                        + " within the first " + entry.getKey() + ", got " + where(id, place, excluded, result)));
            }
        }
        for (Map.Entry<Integer, List<String>> entry : scenario.notInTop().entrySet()) {
            for (String id : entry.getValue()) {
                int place = ranking.indexOf(id) + 1;
                checks.add(check(Kind.NOT_IN_TOP, place == 0 || place > entry.getKey(), "notInTop " + entry.getKey()
                        + ": expected " + id + " outside the first " + entry.getKey() + ", got " + id + " at #" + place));
            }
        }
        for (String id : scenario.fits()) {
            checks.add(check(Kind.FITS, ranking.contains(id), "fits: expected " + id + " to be recommended, got "
                    + (excluded.contains(id) ? "excluded: " + reasons(result, id)
                    : "a poor fit (score " + result.find(id).map(Assessment::score).orElse(0) + ")")));
        }
        for (String id : scenario.poorFits()) {
            checks.add(check(Kind.POOR_FIT, result.poorFits().stream().anyMatch(a -> a.id().equals(id)),
                    "poorFits: expected " + id + " to be a poor fit (below zero), got " + where(id, ranking.indexOf(id) + 1, excluded, result)));
        }
        for (String id : scenario.excluded()) {
            checks.add(check(Kind.EXCLUDED, excluded.contains(id),
                    "excluded: expected " + id + " to be excluded, got " + where(id, ranking.indexOf(id) + 1, excluded, result)));
        }
        for (Scenario.Order order : scenario.above()) {
            int higher = ranking.indexOf(order.higher());
            int lower = ranking.indexOf(order.lower());
            checks.add(check(Kind.ORDER, higher >= 0 && (lower < 0 || lower > higher), "above: expected " + order + ", got "
                    + where(order.higher(), higher + 1, excluded, result) + " and " + where(order.lower(), lower + 1, excluded, result)));
        }
        Set<String> fired = new HashSet<>();
        for (Assessment a : result.fitting()) {
            a.reasons().forEach(reason -> fired.add(reason.rule()));
            a.cautions().forEach(caution -> fired.add(caution.rule()));
        }
        result.excluded().forEach(e -> e.exclusions().forEach(reason -> fired.add(reason.rule())));
        fired(scenario, fired, ruleNames, checks);
        return new ScenarioResult(scenario, checks, ranking.subList(0, Math.min(3, ranking.size())));
    }

    private static void fired(Scenario scenario, Set<String> fired, Set<String> ruleNames, List<Check> checks) {
        for (String rule : scenario.fired()) {
            checks.add(check(Kind.FIRED, fired.contains(rule), "fired: expected rule \"" + rule + "\" to fire, "
                    + (ruleNames.contains(rule) ? "it did not" : "but no rule has that name")));
        }
    }

    private static Check check(Kind kind, boolean held, String failure) {
        return new Check(kind, held ? null : failure);
    }

    /** A whole data layer: per database, the pick and the driver it runs on. */
    private static ScenarioResult runStack(Engine engine, Scenario scenario, Set<String> ruleNames) {
        // The scenarios check picks and fired rules, never the what-if explanations.
        Result result = new Advisor(engine).recommend(scenario.profile(), 0, scenario.asOf(), Include.NONE);
        List<Check> checks = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (StackEntry entry : result.stack()) {
            entry.reasons().forEach(r -> fired.add(r.rule()));
            entry.runsOnReasons().forEach(r -> fired.add(r.rule()));
            entry.excluded().forEach(e -> e.reasons().forEach(r -> fired.add(r.rule())));
            Scenario.StackPick expected = scenario.stack().get(entry.database());
            if (expected == null) {
                continue;
            }
            String pick = entry.pick() == null ? "nothing" : entry.pick().id();
            checks.add(check(Kind.STACK, expected.pick().contains(pick),
                    "stack " + entry.database() + ": expected pick " + oneOf(expected.pick()) + ", got " + pick));
            String runsOn = entry.runsOn() == null ? Scenario.StackPick.NONE : entry.runsOn().id();
            if (!expected.runsOn().isEmpty()) {
                checks.add(check(Kind.STACK, expected.runsOn().contains(runsOn), "stack " + entry.database() + ": expected "
                        + pick + " to run on " + oneOf(expected.runsOn()) + ", got " + runsOn));
            }
        }
        fired(scenario, fired, ruleNames, checks);
        List<String> picks = result.stack().stream()
                .map(e -> e.database() + ": " + (e.pick() == null ? "nothing" : e.pick().id())).toList();
        return new ScenarioResult(scenario, checks, picks);
    }

    private static String describe(Ranking result, int index) {
        Assessment r = result.recommended().get(index);
        return r.id() + " (score " + r.score() + ")";
    }

    private static String where(String id, int place, Set<String> excluded, Ranking result) {
        if (result.find(id).isEmpty()) {
            return id + " not in the catalog";
        }
        if (excluded.contains(id)) {
            return id + " excluded";
        }
        return place > 0 ? id + " at #" + place : id + " a poor fit (below zero)";
    }

    private static String reasons(Ranking result, String id) {
        return result.excluded().stream().filter(e -> e.id().equals(id))
                .flatMap(e -> e.exclusions().stream()).map(n -> n.text() + " [" + n.rule() + "]")
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String oneOf(List<String> ids) {
        return ids.size() == 1 ? ids.get(0) : "one of " + String.join(", ", ids);
    }
}
