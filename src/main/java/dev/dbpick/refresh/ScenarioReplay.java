package dev.dbpick.refresh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.Scenario;
import dev.dbpick.scenario.ScenarioResult;
import dev.dbpick.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scenario tests run on the refreshed knowledge: how many pass, which fail (and whether they
 * failed before the refresh too), and every scenario profile whose first pick moved (per
 * database for a whole data layer), each judged on the scenario's own date.
 */
final class ScenarioReplay {

    private ScenarioReplay() {
    }

    /** The outcome, as {@code --format json} gives it under {@code scenarios}. */
    public record Outcome(int passed, int failed, List<Failure> failures, List<Moved> moved) {

        public Outcome {
            failures = List.copyOf(failures);
            moved = List.copyOf(moved);
        }
    }

    /** A scenario that fails on the refreshed knowledge, with what it expected and got. */
    public record Failure(String scenario, String source, List<String> problems, boolean failedBefore) {

        public Failure {
            problems = List.copyOf(problems);
        }
    }

    /** A scenario profile whose first pick moved; {@code database} for a whole data layer. */
    public record Moved(String scenario, String source, @JsonInclude(JsonInclude.Include.NON_NULL) String database,
                        @JsonProperty("old") String before, @JsonProperty("new") String after) {
    }

    /**
     * Runs the scenarios on the refreshed knowledge and, when a fact changed ({@code before}
     * not null), on the knowledge before, to tell the first picks that moved and the failures
     * that are new. Without a changed fact only dates moved: nothing can have moved.
     */
    static Outcome replay(Engine before, Engine after, List<Scenario> scenarios) {
        List<ScenarioResult> results = ScenarioRunner.run(after, scenarios);
        Map<String, ScenarioResult> earlier = new LinkedHashMap<>();
        if (before != null) {
            ScenarioRunner.run(before, scenarios).forEach(r -> earlier.put(key(r.scenario()), r));
        }
        List<Failure> failures = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        for (ScenarioResult result : results) {
            ScenarioResult was = earlier.get(key(result.scenario()));
            if (!result.passed()) {
                failures.add(new Failure(result.scenario().name(), result.scenario().source(), result.failures(),
                        was == null || !was.passed()));
            }
            if (was == null) {
                continue;
            }
            Set<String> keys = new java.util.LinkedHashSet<>(was.firstPicks().keySet());
            keys.addAll(result.firstPicks().keySet());
            for (String database : keys) {
                String old = was.firstPicks().getOrDefault(database, "nothing");
                String now = result.firstPicks().getOrDefault(database, "nothing");
                if (!Objects.equals(old, now)) {
                    moved.add(new Moved(result.scenario().name(), result.scenario().source(), database.isEmpty() ? null : database,
                            old, now));
                }
            }
        }
        return new Outcome(results.size() - failures.size(), failures.size(), failures, moved);
    }

    private static String key(Scenario scenario) {
        return scenario.source() + "\n" + scenario.name();
    }
}
