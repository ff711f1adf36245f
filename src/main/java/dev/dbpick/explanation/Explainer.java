package dev.dbpick.explanation;

import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
            asker.rank(change.profile()).top()
                    .filter(other -> !other.id().equals(top.get().id()))
                    .ifPresent(other -> pivots.add(new Pivot(change.changes(), other.id(), change.summary())));
        }
        return pivots;
    }

    /**
     * When no library passes the hard constraints: the minimal sets of one or two answer
     * changes after which a library is recommended, smallest first: every single change that
     * does, then every pair of changes that does while neither of its changes does alone (so no
     * proper subset would do). Brute force over single and pair changes, in one warm session.
     * When libraries pass but all score below zero, the poor fits are the answer and there is
     * nothing to relax.
     */
    public List<Relaxation> relaxations(Ranking ranking) {
        if (!ranking.fitting().isEmpty()) {
            return List.of();
        }
        List<Relaxation> relaxations = new ArrayList<>();
        List<Change> singles = changes.singles(ranking.profile());
        List<Change> notEnough = new ArrayList<>();
        for (Change change : singles) {
            if (!relax(change, relaxations)) {
                notEnough.add(change);
            }
        }
        for (int i = 0; i < notEnough.size(); i++) {
            for (int j = i + 1; j < notEnough.size(); j++) {
                Change pair = changes.combine(ranking.profile(), notEnough.get(i), notEnough.get(j));
                if (pair != null) {
                    relax(pair, relaxations);
                }
            }
        }
        return relaxations;
    }

    /** Adds the change when a library is recommended after it; says whether one is. */
    private boolean relax(Change change, List<Relaxation> relaxations) {
        Ranking changed = asker.rank(change.profile());
        changed.top().ifPresent(top ->
                relaxations.add(new Relaxation(change.changes(), changed.recommended().size(), top.id(), change.summary())));
        return changed.top().isPresent();
    }

    /** The most plausible smallest change (one answer, else two) after which {@code accepted} holds, if any. */
    public Optional<Found> smallest(Profile profile, Predicate<Ranking> accepted) {
        List<Change> singles = changes.singles(profile);
        for (Change change : singles) {
            Ranking changed = asker.rank(change.profile());
            if (accepted.test(changed)) {
                return Optional.of(new Found(change, changed));
            }
        }
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                Change pair = changes.combine(profile, singles.get(i), singles.get(j));
                if (pair != null) {
                    Ranking changed = asker.rank(pair.profile());
                    if (accepted.test(changed)) {
                        return Optional.of(new Found(pair, changed));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A change and the ranking it gives. */
    public record Found(Change change, Ranking ranking) {
    }
}
