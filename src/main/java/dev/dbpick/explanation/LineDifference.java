package dev.dbpick.explanation;

import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One rule's lines on two libraries that differ: the points each got from it (0 when it gave
 * none) and what it said. {@code points} is the first's minus the other's, so the differences
 * of two libraries add up exactly to the gap between their scores.
 */
public record LineDifference(String rule, int points, int firstPoints, String firstText, int otherPoints, String otherText) {

    /** Every rule whose lines differ between two libraries, the largest difference first. */
    public static List<LineDifference> between(Assessment first, Assessment other) {
        Map<String, List<Reason>> a = byRule(first.reasons());
        Map<String, List<Reason>> b = byRule(other.reasons());
        List<String> rules = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(r -> !a.containsKey(r)).forEach(rules::add);
        List<LineDifference> differences = new ArrayList<>();
        for (String rule : rules) {
            List<Reason> x = a.getOrDefault(rule, List.of());
            List<Reason> y = b.getOrDefault(rule, List.of());
            int px = x.stream().mapToInt(Reason::points).sum();
            int py = y.stream().mapToInt(Reason::points).sum();
            if (px != py) {
                differences.add(new LineDifference(rule, px - py, px, text(x), py, text(y)));
            }
        }
        differences.sort(Comparator.comparingInt((LineDifference d) -> -Math.abs(d.points())).thenComparing(LineDifference::rule));
        return differences;
    }

    private static Map<String, List<Reason>> byRule(List<Reason> reasons) {
        Map<String, List<Reason>> grouped = new LinkedHashMap<>();
        reasons.forEach(r -> grouped.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    private static String text(List<Reason> reasons) {
        return reasons.isEmpty() ? null : reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
    }
}
