package dev.dbpick.explanation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which what-if explanations an answer carries. Each costs dozens of extra rankings, so they are
 * computed only when asked for (contract version 3): the JSON document asks for none by default,
 * the human outputs (table, Markdown, decision record, web page) for all of them.
 *
 * <p>Written as the HTTP query parameter {@code include} and the CLI option {@code --include}:
 * {@code pivots}, {@code relaxations}, several comma-separated ({@code pivots,relaxations}),
 * {@code all} or {@code none}.
 *
 * @param explanations the explanations to compute; empty for none
 */
public record Include(Set<Explanation> explanations) {

    /** A what-if explanation, by its name in the JSON document and in {@code include}. */
    public enum Explanation {
        /** Single answer changes that would change the first pick. */
        PIVOTS,
        /** When nothing fits, the smallest sets of answer changes after which something does. */
        RELAXATIONS;

        /** Its name in {@code include} and in the JSON document. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** No explanation: the ranking, margin, poor fits and exclusions only. */
    public static final Include NONE = new Include(Set.of());

    /** Every explanation. */
    public static final Include ALL = new Include(EnumSet.allOf(Explanation.class));

    /** The values {@code include} accepts, each on its own or several comma-separated. */
    public static final List<String> ALLOWED = allowed();

    public Include {
        EnumSet<Explanation> copy = EnumSet.noneOf(Explanation.class);
        copy.addAll(explanations);
        explanations = Collections.unmodifiableSet(copy);
    }

    /** These explanations. */
    public static Include of(Explanation... explanations) {
        return new Include(Set.copyOf(Arrays.asList(explanations)));
    }

    public boolean pivots() {
        return explanations.contains(Explanation.PIVOTS);
    }

    public boolean relaxations() {
        return explanations.contains(Explanation.RELAXATIONS);
    }

    /**
     * Reads {@code include} as written: values separated by commas, spaces around them ignored.
     * {@code none} does not combine with another value.
     *
     * @throws IllegalArgumentException naming the value not understood and the allowed values
     */
    public static Include parse(String text) {
        EnumSet<Explanation> chosen = EnumSet.noneOf(Explanation.class);
        boolean none = false;
        String[] values = text.split(",", -1);
        for (String raw : values) {
            String value = raw.strip();
            switch (value) {
                case "all" -> chosen.addAll(EnumSet.allOf(Explanation.class));
                case "none" -> none = true;
                default -> chosen.add(explanation(value, text));
            }
        }
        if (none && values.length > 1) {
            throw new IllegalArgumentException("\"none\" cannot be combined with other values, got \""
                    + shown(text) + "\"; allowed: " + String.join(", ", ALLOWED));
        }
        return chosen.isEmpty() ? NONE : new Include(chosen);
    }

    private static Explanation explanation(String value, String text) {
        for (Explanation explanation : Explanation.values()) {
            if (explanation.value().equals(value)) {
                return explanation;
            }
        }
        throw new IllegalArgumentException((value.isEmpty() ? "an empty value" : "unknown value \"" + shown(value) + "\"")
                + (value.equals(text) ? "" : " in \"" + shown(text) + "\"") + "; allowed: " + String.join(", ", ALLOWED)
                + " (several comma-separated)");
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static List<String> allowed() {
        List<String> values = new ArrayList<>();
        for (Explanation explanation : Explanation.values()) {
            values.add(explanation.value());
        }
        values.add("all");
        values.add("none");
        return List.copyOf(values);
    }

    /** As written in {@code include}: {@code none}, or the explanations comma-separated. */
    @Override
    public String toString() {
        if (explanations.isEmpty()) {
            return "none";
        }
        Collection<String> values = explanations.stream().map(Explanation::value).toList();
        return String.join(",", values);
    }
}
