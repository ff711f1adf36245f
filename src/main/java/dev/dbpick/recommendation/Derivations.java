package dev.dbpick.recommendation;

import java.util.ArrayList;
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

    /** Records a fact a rule derived, with the rule's name. */
    public void add(RuleContext rule, Object fact) {
        derived.add(new Firing.Derived(rule.getRule().getName(), fact));
    }

    /** What was derived since the last call; forgets it. */
    List<Firing.Derived> drain() {
        List<Firing.Derived> drained = new ArrayList<>(derived);
        derived.clear();
        return drained;
    }
}
