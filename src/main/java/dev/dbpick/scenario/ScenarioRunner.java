package dev.dbpick.scenario;

import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.advice.StackEntry;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<String> failures = new ArrayList<>();
        if (!scenario.top().isEmpty()) {
            String first = ranking.isEmpty() ? "nothing (every library excluded)" : describe(result, 0);
            if (ranking.isEmpty() || !scenario.top().contains(ranking.get(0))) {
                failures.add("top: expected " + oneOf(scenario.top()) + ", got " + first);
            }
        }
        for (Map.Entry<Integer, List<String>> entry : scenario.inTop().entrySet()) {
            for (String id : entry.getValue()) {
                int place = ranking.indexOf(id) + 1;
                if (place == 0 || place > entry.getKey()) {
                    failures.add("inTop " + entry.getKey() + ": expected " + id + " within the first " + entry.getKey()
                            + ", got " + where(id, place, excluded));
                }
            }
        }
        for (String id : scenario.fits()) {
            if (excluded.contains(id)) {
                failures.add("fits: expected " + id + " to be recommended, got excluded: " + reasons(result, id));
            } else if (!ranking.contains(id)) {
                failures.add("fits: expected " + id + " to be recommended, got a poor fit (score "
                        + result.find(id).map(Assessment::score).orElse(0) + ")");
            }
        }
        for (String id : scenario.poorFits()) {
            if (result.poorFits().stream().noneMatch(a -> a.id().equals(id))) {
                failures.add("poorFits: expected " + id + " to be a poor fit (below zero), got " + where(id, ranking.indexOf(id) + 1, excluded));
            }
        }
        for (String id : scenario.excluded()) {
            if (!excluded.contains(id)) {
                failures.add("excluded: expected " + id + " to be excluded, got " + where(id, ranking.indexOf(id) + 1, excluded));
            }
        }
        for (Scenario.Order order : scenario.above()) {
            int higher = ranking.indexOf(order.higher());
            int lower = ranking.indexOf(order.lower());
            if (higher < 0 || (lower >= 0 && lower < higher)) {
                failures.add("above: expected " + order + ", got " + where(order.higher(), higher + 1, excluded)
                        + " and " + where(order.lower(), lower + 1, excluded));
            }
        }
        Set<String> fired = new HashSet<>();
        for (Assessment a : result.fitting()) {
            a.reasons().forEach(reason -> fired.add(reason.rule()));
            a.cautions().forEach(caution -> fired.add(caution.rule()));
        }
        result.excluded().forEach(e -> e.exclusions().forEach(reason -> fired.add(reason.rule())));
        for (String rule : scenario.fired()) {
            if (!fired.contains(rule)) {
                failures.add("fired: expected rule \"" + rule + "\" to fire, "
                        + (ruleNames.contains(rule) ? "it did not" : "but no rule has that name"));
            }
        }
        return new ScenarioResult(scenario, failures, Map.of("", ranking.isEmpty() ? "nothing" : ranking.get(0)));
    }

    /** A whole data layer: per database, the pick and the driver it runs on. */
    private static ScenarioResult runStack(Engine engine, Scenario scenario, Set<String> ruleNames) {
        Result result = new Advisor(engine).recommend(scenario.profile(), 0, scenario.asOf());
        List<String> failures = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        Map<String, String> picks = new java.util.LinkedHashMap<>();
        for (StackEntry entry : result.stack()) {
            picks.put(entry.database(), entry.pick() == null ? "nothing" : entry.pick().id());
            entry.reasons().forEach(r -> fired.add(r.rule()));
            entry.runsOnReasons().forEach(r -> fired.add(r.rule()));
            Scenario.StackPick expected = scenario.stack().get(entry.database());
            if (expected == null) {
                continue;
            }
            String pick = entry.pick() == null ? "nothing" : entry.pick().id();
            if (!expected.pick().contains(pick)) {
                failures.add("stack " + entry.database() + ": expected pick " + oneOf(expected.pick()) + ", got " + pick);
            }
            String runsOn = entry.runsOn() == null ? Scenario.StackPick.NONE : entry.runsOn().id();
            if (!expected.runsOn().isEmpty() && !expected.runsOn().contains(runsOn)) {
                failures.add("stack " + entry.database() + ": expected " + pick + " to run on " + oneOf(expected.runsOn())
                        + ", got " + runsOn);
            }
        }
        for (String rule : scenario.fired()) {
            if (!fired.contains(rule)) {
                failures.add("fired: expected rule \"" + rule + "\" to fire, "
                        + (ruleNames.contains(rule) ? "it did not" : "but no rule has that name"));
            }
        }
        return new ScenarioResult(scenario, failures, picks);
    }

    private static String describe(Ranking result, int index) {
        Assessment r = result.recommended().get(index);
        return r.id() + " (score " + r.score() + ")";
    }

    private static String where(String id, int place, Set<String> excluded) {
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
