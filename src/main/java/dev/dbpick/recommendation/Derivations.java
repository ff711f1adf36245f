package dev.dbpick.recommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final Set<String> excluded = new HashSet<>();

    /** Records a fact a rule derived, with the rule's name. */
    public void add(RuleContext rule, Object fact) {
        derived.add(new Firing.Derived(rule.getRule().getName(), fact));
        if (fact instanceof Exclusion exclusion) {
            excluded.add(exclusion.library());
        }
    }

    /** Whether a rule has excluded the library since the last {@link #drain} or {@link #excludedOnly}. */
    boolean excluded(String library) {
        return excluded.contains(library);
    }

    /** Forgets which libraries were excluded, except {@code still}. */
    void excludedOnly(Set<String> still) {
        excluded.clear();
        excluded.addAll(still);
    }

    /** Counts the library as excluded, as if a rule had just excluded it. */
    void excludedToo(String library) {
        excluded.add(library);
    }

    /** What was derived since the last call; forgets it, and which libraries were excluded. */
    List<Firing.Derived> drain() {
        List<Firing.Derived> drained = new ArrayList<>(derived);
        derived.clear();
        excluded.clear();
        return drained;
    }
}
