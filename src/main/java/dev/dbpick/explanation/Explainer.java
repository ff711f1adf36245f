package dev.dbpick.explanation;

import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Lead;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.recommendation.RuleIndex;
import dev.dbpick.recommendation.Screen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the questions that follow a ranking by asking the engine again, in one warm session,
 * with changed profiles: the pivots, the relaxations and what would admit a library. Every
 * entry it returns was obtained by ranking the changed profile, so applying its changes and
 * asking again gives what it says.
 */
public final class Explainer {

    private final Engine.Asker asker;
    private final ProfileChanges changes;
    /** The rules by bit and the libraries by place, as screens and {@link AfterChange} number them. */
    private final RuleIndex index;
    /** The scratch set of {@link AfterChange#mayBothAdmit}: an explainer serves one thread. */
    private final long[] scratch;
    private final boolean prunePairs;
    /** The last profile whose single changes were asked for, and those changes: pivots and relaxations share them. */
    private Profile singlesOf;
    private List<Change> singles;

    public Explainer(Engine.Asker asker) {
        this(asker, true);
    }

    /** With {@code prunePairs} false, every pair of changes is tried: the reference the pruning is tested against. */
    Explainer(Engine.Asker asker, boolean prunePairs) {
        this.prunePairs = prunePairs;
        this.asker = asker;
        var knowledge = asker.engine().knowledge();
        this.changes = new ProfileChanges(knowledge.questionnaire(), knowledge.settings().changeOrder());
        this.index = asker.engine().index();
        this.scratch = AfterChange.scratch(index);
    }

    public ProfileChanges changes() {
        return changes;
    }

    /** The single-answer changes of a profile ({@link ProfileChanges#singles}), made once for the pivots and relaxations alike. */
    private List<Change> singles(Profile profile) {
        if (singles == null || !profile.equals(singlesOf)) {
            singles = changes.singles(profile);
            singlesOf = profile;
        }
        return singles;
    }

    /** The single answer changes that change the first pick, the most plausible first. */
    public List<Pivot> pivots(Ranking ranking) {
        Optional<Assessment> top = ranking.top();
        if (top.isEmpty()) {
            return List.of();
        }
        List<Pivot> pivots = new ArrayList<>();
        for (Change change : singles(ranking.profile())) {
            asker.lead(change.profile()).top()
                    .filter(other -> !other.equals(top.get().id()))
                    .ifPresent(other -> pivots.add(new Pivot(change.changes(), other, change.summary())));
        }
        return pivots;
    }

    /**
     * When no library passes the hard constraints: the minimal sets of one or two answer
     * changes after which a library is recommended, smallest first: every single change that
     * does, then every pair of changes that does while neither of its changes does alone (so no
     * proper subset would do). When libraries pass but all score below zero, the poor fits are
     * the answer and there is nothing to relax.
     *
     * <p>A pair is tried only when it could admit some library (see {@link #mayBothAdmit}); pairs
     * that cannot help are skipped without being ranked. Each change is first screened
     * ({@link Engine.Asker#screen}) and scored only when some library passes after it.
     */
    public List<Relaxation> relaxations(Ranking ranking) {
        if (!ranking.fitting().isEmpty()) {
            return List.of();
        }
        List<Relaxation> relaxations = new ArrayList<>();
        List<Change> notEnough = new ArrayList<>();
        List<AfterChange> remaining = new ArrayList<>();
        for (Change change : singles(ranking.profile())) {
            Screen screen = asker.screen(change.profile());
            if (screen.anyFits() && admits(change, asker.lead(change.profile()), relaxations)) {
                continue;
            }
            notEnough.add(change);
            remaining.add(afterChange(screen, change));
        }
        for (int i = 0; i < notEnough.size(); i++) {
            for (int j = i + 1; j < notEnough.size(); j++) {
                if (!mayBothAdmit(remaining.get(i), remaining.get(j), null)) {
                    continue;
                }
                Change pair = changes.combine(ranking.profile(), notEnough.get(i), notEnough.get(j));
                if (pair != null && asker.screen(pair.profile()).anyFits()) {
                    admits(pair, asker.lead(pair.profile()), relaxations);
                }
            }
        }
        return relaxations;
    }

    /** Adds the change when a library is recommended after it; says whether one is. */
    private static boolean admits(Change change, Lead changed, List<Relaxation> relaxations) {
        changed.top().ifPresent(top -> relaxations.add(new Relaxation(change.changes(), changed.recommended(), top, change.summary())));
        return changed.top().isPresent();
    }

    /**
     * The most plausible smallest change (one answer, else two) after which {@code library} is
     * recommended, if any. Only changes after which it passes the hard constraints are scored;
     * pairs are tried only when they could admit it (see {@link #relaxations}).
     */
    public Optional<Found> smallest(Profile profile, String library) {
        List<Change> singles = singles(profile);
        List<AfterChange> after = new ArrayList<>(singles.size());
        for (Change change : singles) {
            Screen screen = asker.screen(change.profile());
            Optional<Found> found = recommends(change, screen, library);
            if (found.isPresent()) {
                return found;
            }
            after.add(afterChange(screen, change));
        }
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                if (!mayBothAdmit(after.get(i), after.get(j), library)) {
                    continue;
                }
                Change pair = changes.combine(profile, singles.get(i), singles.get(j));
                if (pair != null) {
                    Optional<Found> found = recommends(pair, asker.screen(pair.profile()), library);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The change and its ranking when {@code library} is recommended after it; scored only when it passes. */
    private Optional<Found> recommends(Change change, Screen screen, String library) {
        if (screen.excluded(library)) {
            return Optional.empty();
        }
        Ranking changed = asker.rankFitting(change.profile());
        return changed.rankOf(library) > 0 ? Optional.of(new Found(change, changed)) : Optional.empty();
    }

    /**
     * Whether a pair of changes could admit some library (or {@code library}, when given), by
     * what excludes libraries after each ({@link AfterChange}): pairs that cannot help are not
     * ranked.
     */
    private boolean mayBothAdmit(AfterChange a, AfterChange b, String library) {
        if (!prunePairs) {
            return true;
        }
        int place = -1;
        if (library != null) {
            place = index.place(library);
            if (place < 0) {
                return true;
            }
        }
        return a.mayBothAdmit(b, place, index.libraries(), scratch);
    }

    /**
     * What excludes libraries after a change, and the rules that may read the answers the change
     * makes ({@code databases}, or {@code constraints.migrations} for one flag).
     */
    private AfterChange afterChange(Screen screen, Change change) {
        long[] readers = index.unknownReaders().clone();
        change.changes().fields().forEachRemaining(entry -> {
            if (entry.getValue().isObject()) {
                entry.getValue().fieldNames().forEachRemaining(flag -> or(readers, index.readers(entry.getKey() + "." + flag)));
            } else {
                or(readers, index.readers(entry.getKey()));
            }
        });
        return AfterChange.of(screen, index, readers);
    }

    private static void or(long[] into, long[] bits) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= bits[w];
        }
    }

    /** A change and the ranking it gives. */
    public record Found(Change change, Ranking ranking) {
    }
}
