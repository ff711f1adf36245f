package dev.dbpick.explanation;

import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
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

    public Explainer(Engine.Asker asker) {
        this.asker = asker;
        var knowledge = asker.engine().knowledge();
        this.changes = new ProfileChanges(knowledge.questionnaire(), knowledge.settings().changeOrder());
    }

    public ProfileChanges changes() {
        return changes;
    }

    /** The single answer changes that change the first pick, the most plausible first. */
    public List<Pivot> pivots(Ranking ranking) {
        Optional<Assessment> top = ranking.top();
        if (top.isEmpty()) {
            return List.of();
        }
        List<Pivot> pivots = new ArrayList<>();
        for (Change change : changes.singles(ranking.profile())) {
            asker.rankFitting(change.profile()).top()
                    .filter(other -> !other.id().equals(top.get().id()))
                    .ifPresent(other -> pivots.add(new Pivot(change.changes(), other.id(), change.summary())));
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
     * <p>A pair is ranked only when it could admit some library: when no exclusion rule rules
     * that library out after each of its two changes alike. An exclusion rule is a conjunction of
     * conditions on the answers, so one that still holds after either change alone holds after
     * both; pairs that cannot help are skipped without being ranked. Each change is first
     * screened ({@link Engine.Asker#screen}) and scored only when some library passes after it.
     */
    public List<Relaxation> relaxations(Ranking ranking) {
        if (!ranking.fitting().isEmpty()) {
            return List.of();
        }
        List<Relaxation> relaxations = new ArrayList<>();
        List<Change> notEnough = new ArrayList<>();
        List<Exclusions> remaining = new ArrayList<>();
        for (Change change : changes.singles(ranking.profile())) {
            Screen screen = asker.screen(change.profile());
            if (screen.anyFits() && admits(change, asker.rankFitting(change.profile()), relaxations)) {
                continue;
            }
            notEnough.add(change);
            remaining.add(Exclusions.of(screen));
        }
        for (int i = 0; i < notEnough.size(); i++) {
            for (int j = i + 1; j < notEnough.size(); j++) {
                if (!remaining.get(i).mayBothAdmit(remaining.get(j), null)) {
                    continue;
                }
                Change pair = changes.combine(ranking.profile(), notEnough.get(i), notEnough.get(j));
                if (pair != null && asker.screen(pair.profile()).anyFits()) {
                    admits(pair, asker.rankFitting(pair.profile()), relaxations);
                }
            }
        }
        return relaxations;
    }

    /** Adds the change when a library is recommended after it; says whether one is. */
    private static boolean admits(Change change, Ranking changed, List<Relaxation> relaxations) {
        changed.top().ifPresent(top ->
                relaxations.add(new Relaxation(change.changes(), changed.recommended().size(), top.id(), change.summary())));
        return changed.top().isPresent();
    }

    /**
     * The most plausible smallest change (one answer, else two) after which {@code library} is
     * recommended, if any. Only changes after which it passes the hard constraints are scored;
     * pairs are tried only when they could admit it (see {@link #relaxations}).
     */
    public Optional<Found> smallest(Profile profile, String library) {
        List<Change> singles = changes.singles(profile);
        List<Exclusions> after = new ArrayList<>(singles.size());
        for (Change change : singles) {
            Screen screen = asker.screen(change.profile());
            Optional<Found> found = recommends(change, screen, library);
            if (found.isPresent()) {
                return found;
            }
            after.add(Exclusions.of(screen));
        }
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                if (!after.get(i).mayBothAdmit(after.get(j), library)) {
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

    /** Which exclusion rules rule each library out after a change. */
    private record Exclusions(java.util.Map<String, java.util.Set<String>> byLibrary, boolean allExcluded) {

        static Exclusions of(Screen screen) {
            return new Exclusions(screen.exclusions(), !screen.anyFits());
        }

        /**
         * Whether some library (or {@code library}, when given) is ruled out by no rule after
         * both changes alike, so that making both could admit it.
         */
        boolean mayBothAdmit(Exclusions other, String library) {
            if (library != null) {
                return disjoint(library, other);
            }
            if (!allExcluded || !other.allExcluded) {
                return true;   // some library passes every constraint after one of the changes
            }
            for (String id : byLibrary.keySet()) {
                if (disjoint(id, other)) {
                    return true;
                }
            }
            return false;
        }

        private boolean disjoint(String id, Exclusions other) {
            java.util.Set<String> mine = byLibrary.get(id);
            java.util.Set<String> theirs = other.byLibrary.get(id);
            return mine == null || theirs == null || java.util.Collections.disjoint(mine, theirs);
        }
    }

    /** A change and the ranking it gives. */
    public record Found(Change change, Ranking ranking) {
    }
}
