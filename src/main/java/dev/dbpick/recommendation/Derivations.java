package dev.dbpick.recommendation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Where the rules' results go when no rule matches them: the compiler hands
 * {@code insert(new Score(...))} (and {@code Exclusion}, {@code Caution}, {@code PairingScore})
 * to {@link #add} instead of the working memory, since nothing would ever match them there.
 * That spares each ranking a working-memory insert and delete per line. Set per session as the
 * global {@code derivations}; see {@code dev.dbpick.knowledge.RuleCompiler}.
 */
public final class Derivations {

    private final List<Firing.Derived> derived = new ArrayList<>(256);
    private final AnswerGroups groups;
    private final RuleIndex index;
    /** By library place: whether a rule has excluded it since the last {@link #drain} or {@link #excludedOnly}. */
    private final boolean[] excluded;

    Derivations(AnswerGroups groups) {
        this.groups = groups;
        this.index = groups.index();
        this.excluded = new boolean[index.libraries()];
    }

    /** Records a fact a rule derived, with the rule's name. */
    public void add(RuleContext rule, Object fact) {
        Firing.Derived d = groups.derived(rule.getRule().getName(), fact);
        derived.add(d);
        if (fact instanceof Exclusion && d.place() >= 0) {   // an id the catalog lacks is reported when the lines are read
            excluded[d.place()] = true;
        }
    }

    /** Whether a rule has excluded the library since the last {@link #drain} or {@link #excludedOnly}. */
    boolean excluded(String library) {
        int place = index.place(library);
        return place >= 0 && excluded[place];
    }

    /** Forgets which libraries were excluded, except those {@code still} marks, by place. */
    void excludedOnly(boolean[] still) {
        System.arraycopy(still, 0, excluded, 0, excluded.length);
    }

    /** Counts the libraries {@code too} marks, by place, as excluded, as if a rule had just excluded them. */
    void excludedToo(boolean[] too) {
        for (int place = 0; place < excluded.length; place++) {
            excluded[place] |= too[place];
        }
    }

    /** What was derived since the last call; forgets it, and which libraries were excluded. */
    List<Firing.Derived> drain() {
        List<Firing.Derived> drained = new ArrayList<>(derived);
        derived.clear();
        Arrays.fill(excluded, false);
        return drained;
    }
}
