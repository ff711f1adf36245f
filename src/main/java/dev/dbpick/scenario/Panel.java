package dev.dbpick.scenario;

import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.ScenarioResult.Check;
import dev.dbpick.scenario.ScenarioResult.Kind;
import java.util.List;
import java.util.function.Predicate;

/**
 * The blind expert panel: cases written by experts who never read the rules, kept under
 * {@code rules/scenarios/panel/} in two shares. The {@code tuned} share is what rule editors look
 * at; the {@code held-out} share (a third of the cases, drawn once with a fixed seed) is only
 * measured, so a gap between the two shows tuning to cases. Neither share is enforced: an expert
 * the knowledge disagrees with is a measurement, not a broken build.
 */
public final class Panel {

    public static final List<String> SHARES = List.of("tuned", "held-out");

    private Panel() {
    }

    /** How many of a kind of expectation held, out of how many. */
    public record Count(int agreed, int total) {

        static Count of(List<ScenarioResult> results, Predicate<Check> kind) {
            List<Check> checks = results.stream().flatMap(r -> r.checks().stream()).filter(kind).toList();
            return new Count((int) checks.stream().filter(Check::passed).count(), checks.size());
        }

        @Override
        public String toString() {
            return agreed + "/" + total + (total == 0 ? "" : " (" + Math.round(100.0 * agreed / total) + "%)");
        }
    }

    /**
     * Agreement on one share. {@code firstPick}: the first place (each database's pick, for a
     * whole data layer) is one the expert accepts; {@code topThree}: an accepted first pick and
     * every library the expert requires there are within the first three; {@code pairs}: the
     * ordering pairs; {@code misfits}: the libraries the expert keeps out of the first three.
     */
    public record Agreement(String share, int cases, int passed, Count firstPick, Count topThree, Count pairs, Count misfits,
                            List<ScenarioResult> results) {
    }

    public static Agreement measure(Engine engine, String share, List<Scenario> cases) {
        List<ScenarioResult> results = ScenarioRunner.run(engine, cases);
        Count firstPick = Count.of(results, c -> c.kind() == Kind.FIRST_PICK || c.kind() == Kind.STACK);
        Count topK = Count.of(results, c -> c.kind() == Kind.TOP_K);
        List<ScenarioResult> withTop = results.stream().filter(r -> !r.scenario().top().isEmpty()).toList();
        int acceptedInThree = (int) withTop.stream()
                .filter(r -> r.firstThree().stream().anyMatch(r.scenario().top()::contains)).count();
        Count topThree = new Count(topK.agreed() + acceptedInThree, topK.total() + withTop.size());
        return new Agreement(share, results.size(), (int) results.stream().filter(ScenarioResult::passed).count(), firstPick,
                topThree, Count.of(results, c -> c.kind() == Kind.ORDER), Count.of(results, c -> c.kind() == Kind.NOT_IN_TOP),
                results);
    }
}
