package dev.dbpick.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an edit of the knowledge moved: for every scenario profile, the first three before and
 * after, and whether the scenario's expectations held before and after.
 */
public final class Stability {

    private Stability() {
    }

    /** One profile whose first three or whose verdict changed. */
    public record Move(String scenario, String source, List<String> before, List<String> after, boolean passedBefore,
                       boolean passedAfter) {

        public boolean firstPickMoved() {
            return !first(before).equals(first(after));
        }

        private static String first(List<String> three) {
            return three.isEmpty() ? "" : three.get(0);
        }
    }

    /**
     * The moves between two runs of the same scenarios; a scenario only one side has (added or
     * removed by the edit) is left out.
     */
    public static List<Move> compare(List<ScenarioResult> before, List<ScenarioResult> after) {
        Map<String, ScenarioResult> old = before.stream()
                .collect(Collectors.toMap(r -> r.scenario().name(), Function.identity(), (a, b) -> a));
        List<Move> moves = new ArrayList<>();
        for (ScenarioResult now : after) {
            ScenarioResult then = old.get(now.scenario().name());
            if (then != null && (!then.firstThree().equals(now.firstThree()) || then.passed() != now.passed())) {
                moves.add(new Move(now.scenario().name(), now.scenario().source(), then.firstThree(), now.firstThree(),
                        then.passed(), now.passed()));
            }
        }
        return moves;
    }
}
