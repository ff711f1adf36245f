package dev.dbpick.scenario;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario: each failed expectation says what was expected and what happened;
 * {@code firstPicks} is what the profile put first (under the key "", "nothing" when nothing was
 * recommended), or for a whole data layer the pick per database.
 */
public record ScenarioResult(Scenario scenario, List<String> failures, Map<String, String> firstPicks) {

    public ScenarioResult {
        failures = List.copyOf(failures);
        firstPicks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(firstPicks));
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
