package dev.dbpick.explanation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differing score lines of two libraries on one concern, the part of a rule's name before
 * its colon ("Adoption: used" and "Adoption: little used" are both about adoption): what each
 * library got on it and the sentences it got them with. {@code points} is the first's minus the
 * other's, so a concern belongs to the first library when it is positive, to the other when it is
 * negative. Rules of one concern are mutually exclusive alternatives, so grouping them lets a
 * margin say "more widely used (+4 against ormar's -4)" instead of listing two rules.
 */
public record Concern(String name, int points, int firstPoints, List<String> firstTexts, int otherPoints,
                      List<String> otherTexts) {

    public Concern {
        firstTexts = List.copyOf(firstTexts);
        otherTexts = List.copyOf(otherTexts);
    }

    /** Whether the concern favours the first library. */
    public boolean favoursFirst() {
        return points > 0;
    }

    /** The concerns of the differences that do not cancel out, the largest difference first. */
    public static List<Concern> of(List<LineDifference> differences) {
        Map<String, List<LineDifference>> byConcern = new LinkedHashMap<>();
        differences.forEach(d -> byConcern.computeIfAbsent(concernOf(d.rule()), k -> new ArrayList<>()).add(d));
        List<Concern> concerns = new ArrayList<>();
        byConcern.forEach((name, lines) -> {
            int first = lines.stream().mapToInt(LineDifference::firstPoints).sum();
            int other = lines.stream().mapToInt(LineDifference::otherPoints).sum();
            if (first != other) {
                concerns.add(new Concern(name, first - other, first, texts(lines, true), other, texts(lines, false)));
            }
        });
        concerns.sort(Comparator.comparingInt((Concern c) -> -Math.abs(c.points())).thenComparing(Concern::name));
        return concerns;
    }

    private static List<String> texts(List<LineDifference> lines, boolean first) {
        return lines.stream().map(d -> first ? d.firstText() : d.otherText()).filter(t -> t != null).toList();
    }

    /** "Adoption: used" is about "Adoption"; a rule name without a colon is its own concern. */
    static String concernOf(String rule) {
        int colon = rule.indexOf(':');
        return colon < 0 ? rule : rule.substring(0, colon);
    }
}
