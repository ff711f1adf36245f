package dev.dbpick.recommendation;

import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which libraries pass every hard constraint for a profile, and which rules exclude each of the
 * others, from a firing that leaves the score rules out ({@link Engine.Asker#screen}): what an
 * explanation needs to know before it pays for scores. It says nothing of scores, so nothing of
 * which library would be recommended.
 *
 * <p>Kept as one row of rule bits per excluded library ({@link RuleIndex}): explanations compare
 * screens pair by pair on those rows; the ids and names are made only when asked for.
 */
public final class Screen {

    private static final long[] NONE = new long[0];

    private final Profile profile;
    private final RuleIndex index;
    /** Per library place, the bits of the rules excluding it; null when it passes. */
    private final long[][] excluding;

    Screen(Profile profile, RuleIndex index, long[][] excluding) {
        this.profile = profile;
        this.index = index;
        this.excluding = excluding;
    }

    public Profile profile() {
        return profile;
    }

    public boolean anyFits() {
        for (long[] row : excluding) {
            if (row == null) {
                return true;
            }
        }
        return false;
    }

    public boolean excluded(String id) {
        int place = index.place(id);
        return place >= 0 && excluding[place] != null;
    }

    /**
     * The bits of the rules excluding the library at {@code place} in catalog order
     * ({@link RuleIndex}), {@link RuleIndex#words} long; empty when it passes.
     */
    public long[] excludingRules(int place) {
        long[] row = excluding[place];
        return row == null ? NONE : row;
    }

    /** The ids of the libraries that pass, in catalog order. */
    public List<String> fitting() {
        List<String> fitting = new ArrayList<>();
        for (int place = 0; place < excluding.length; place++) {
            if (excluding[place] == null) {
                fitting.add(index.library(place));
            }
        }
        return fitting;
    }

    /** For each excluded library, the names of the rules that exclude it. */
    public Map<String, Set<String>> exclusions() {
        Map<String, Set<String>> exclusions = new HashMap<>();
        for (int place = 0; place < excluding.length; place++) {
            long[] row = excluding[place];
            if (row == null) {
                continue;
            }
            Set<String> rules = new HashSet<>();
            for (int w = 0; w < row.length; w++) {
                for (long bits = row[w]; bits != 0; bits &= bits - 1) {
                    rules.add(index.rule(w * 64 + Long.numberOfTrailingZeros(bits)));
                }
            }
            exclusions.put(index.library(place), Set.copyOf(rules));
        }
        return Map.copyOf(exclusions);
    }
}
