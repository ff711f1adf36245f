package dev.dbpick.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario: every expectation checked, each failed one saying what was
 * expected and what happened, and the first three of the ranking (for a whole data layer, each
 * database's pick as {@code database: id}).
 */
public record ScenarioResult(Scenario scenario, List<Check> checks, List<String> firstThree) {

    /** The kinds of expectation, as {@link Panel} counts them. */
    public enum Kind { FIRST_PICK, TOP_K, NOT_IN_TOP, FITS, POOR_FIT, EXCLUDED, ORDER, FIRED, STACK }

    /** One expectation: {@code failure} is null when it held. */
    public record Check(Kind kind, String failure) {

        public boolean passed() {
            return failure == null;
        }
    }

    public ScenarioResult {
        checks = List.copyOf(checks);
        firstThree = List.copyOf(firstThree);
    }

    /**
     * What the profile put first: under the key "" ("nothing" when nothing was recommended), or
     * for a whole data layer the pick per database.
     */
    public Map<String, String> firstPicks() {
        Map<String, String> picks = new LinkedHashMap<>();
        if (scenario.profile() != null && scenario.profile().stack()) {
            firstThree.forEach(entry -> {
                int colon = entry.indexOf(": ");
                picks.put(entry.substring(0, colon), entry.substring(colon + 2));
            });
        } else {
            picks.put("", firstThree.isEmpty() ? "nothing" : firstThree.get(0));
        }
        return picks;
    }

    public List<String> failures() {
        return checks.stream().filter(c -> !c.passed()).map(Check::failure).toList();
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
