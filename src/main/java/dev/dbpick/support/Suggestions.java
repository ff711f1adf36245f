package dev.dbpick.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a mistyped one, by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input} (case-insensitive), when it is close enough to be a
     * plausible typo: at most a third of the input's length away, and never more than three edits.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String typed = input.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(1, typed.length() / 3));
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT), typed)).thenComparing(c -> c))
                .filter(best -> distance(best.toLowerCase(Locale.ROOT), typed) <= limit
                        || best.toLowerCase(Locale.ROOT).startsWith(typed) && typed.length() >= 3);
    }

    /** {@code "; did you mean \"x\"?"}, or the empty string when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(best -> "; did you mean \"" + best + "\"?").orElse("");
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
