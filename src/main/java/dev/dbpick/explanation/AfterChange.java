package dev.dbpick.explanation;

import dev.dbpick.recommendation.RuleIndex;
import dev.dbpick.recommendation.Screen;
import java.util.Arrays;

/**
 * What still excludes libraries after one change of a profile, arranged to tell quickly whether
 * a pair of changes could admit a library ({@link #mayBothAdmit}): each rule that excludes some
 * library after the change, with the libraries it excludes as a bit set over catalog places, and
 * the rules that may read the answers the change makes ({@link RuleIndex#readers}).
 *
 * <p>A library stays out after both changes of a pair when a rule excludes it after each change
 * alike (an exclusion rule is a conjunction of conditions on the answers), or when a rule
 * excludes it after one change and does not read the answer the other change makes (it then
 * matches the pair as it matched that one change). So the libraries a pair leaves out are the
 * union, over the rules excluding after {@code a} that do not read {@code b}'s answers, of what
 * they exclude; the same the other way round; and, over the rules excluding after both, what
 * they exclude after both. Asked for every pair of changes, that is a walk over a few rules
 * rather than over every library.
 */
final class AfterChange {

    /** The bits of the rules excluding some library after the change, ascending. */
    private final int[] rules;
    /** For each of {@link #rules}, the places of the libraries it excludes, as a bit set. */
    private final long[][] excludes;
    /** The bits of the rules that may read the answers the change makes. */
    private final long[] readers;

    private AfterChange(int[] rules, long[][] excludes, long[] readers) {
        this.rules = rules;
        this.excludes = excludes;
        this.readers = readers;
    }

    /**
     * What excludes libraries after a change, from its screen; {@code readers} the rules that may
     * read the answers the change makes.
     */
    static AfterChange of(Screen screen, RuleIndex index, long[] readers) {
        int libraryWords = words(index.libraries());
        long[][] byRule = new long[index.words() * 64][];
        int count = 0;
        for (int place = 0; place < index.libraries(); place++) {
            long[] row = screen.excludingRules(place);
            for (int w = 0; w < row.length; w++) {
                for (long bits = row[w]; bits != 0; bits &= bits - 1) {
                    int rule = w * 64 + Long.numberOfTrailingZeros(bits);
                    if (byRule[rule] == null) {
                        byRule[rule] = new long[libraryWords];
                        count++;
                    }
                    byRule[rule][place >> 6] |= 1L << place;
                }
            }
        }
        int[] rules = new int[count];
        long[][] excludes = new long[count][];
        for (int rule = 0, i = 0; i < count; rule++) {
            if (byRule[rule] != null) {
                rules[i] = rule;
                excludes[i++] = byRule[rule];
            }
        }
        return new AfterChange(rules, excludes, readers);
    }

    /** A scratch bit set over catalog places, for {@link #mayBothAdmit}; one per thread of work. */
    static long[] scratch(RuleIndex index) {
        return new long[words(index.libraries())];
    }

    /**
     * Whether this change and {@code other} together could admit some library, or the library
     * at {@code place} when it is 0 or more. {@code out} is a scratch set from {@link #scratch}.
     */
    boolean mayBothAdmit(AfterChange other, int place, int libraries, long[] out) {
        Arrays.fill(out, 0);
        unread(this, other.readers, out);
        unread(other, readers, out);
        for (int i = 0, j = 0; i < rules.length && j < other.rules.length; ) {
            if (rules[i] < other.rules[j]) {
                i++;
            } else if (rules[i] > other.rules[j]) {
                j++;
            } else {
                long[] mine = excludes[i++];
                long[] theirs = other.excludes[j++];
                for (int w = 0; w < out.length; w++) {
                    out[w] |= mine[w] & theirs[w];
                }
            }
        }
        if (place >= 0) {
            return (out[place >> 6] & 1L << place) == 0;
        }
        for (int w = 0; w < out.length && libraries > 0; w++) {
            long all = w < out.length - 1 || libraries % 64 == 0 ? -1L : (1L << libraries % 64) - 1;
            if (out[w] != all) {
                return true;
            }
        }
        return false;
    }

    /** Adds what the rules excluding after {@code change} exclude, for those not among {@code readers}. */
    private static void unread(AfterChange change, long[] readers, long[] out) {
        for (int i = 0; i < change.rules.length; i++) {
            int rule = change.rules[i];
            if ((readers[rule >> 6] & 1L << rule) == 0) {
                long[] excluded = change.excludes[i];
                for (int w = 0; w < out.length; w++) {
                    out[w] |= excluded[w];
                }
            }
        }
    }

    private static int words(int bits) {
        return Math.max(1, (bits + 63) / 64);
    }
}
