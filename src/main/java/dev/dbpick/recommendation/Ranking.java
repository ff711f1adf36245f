package dev.dbpick.recommendation;

import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every library's assessment for one profile, in ranking order: the libraries that pass every
 * hard constraint by score (highest first; ties to the more downloaded library, the standard
 * library counting as the most downloaded, then to the alphabetically first id), then the
 * excluded ones in catalog order.
 */
public final class Ranking {

    /** The tie-break, documented in the README: score, then download rank (unranked last), then id. */
    static final Comparator<Assessment> ORDER = Comparator.comparingInt((Assessment a) -> -a.score())
            .thenComparingInt(a -> a.library().usageRank())
            .thenComparing(Assessment::id);

    private final Profile profile;
    private final Evaluation evaluation;
    private final List<Assessment> fitting;
    private final List<Assessment> excluded;
    private final Map<String, Assessment> byId = new HashMap<>();
    private final Map<PairKey, List<Reason>> pairings;
    private final boolean complete;

    /** Which library on which driver for which database. */
    record PairKey(String library, String database, String driver) {
    }

    Ranking(Profile profile, Evaluation evaluation, List<Assessment> assessments, Map<PairKey, List<Reason>> pairings,
            boolean complete) {
        this.pairings = Map.copyOf(pairings);
        this.complete = complete;
        this.profile = profile;
        this.evaluation = evaluation;
        List<Assessment> fit = new ArrayList<>();
        List<Assessment> out = new ArrayList<>();
        for (Assessment a : assessments) {
            (a.excluded() ? out : fit).add(a);
            byId.put(a.id(), a);
        }
        fit.sort(ORDER);
        this.fitting = List.copyOf(fit);
        this.excluded = List.copyOf(out);
    }

    /**
     * False for a ranking of the fitting libraries only ({@code Engine.Asker#rankFitting}): the
     * excluded libraries carry their exclusions but not their score lines and cautions.
     */
    public boolean complete() {
        return complete;
    }

    public Profile profile() {
        return profile;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** The libraries that pass every hard constraint, best first (poor fits, below zero, included). */
    public List<Assessment> fitting() {
        return fitting;
    }

    /** The fitting libraries with a score of zero or more: the recommendations. */
    public List<Assessment> recommended() {
        int end = 0;
        while (end < fitting.size() && fitting.get(end).score() >= 0) {
            end++;
        }
        return fitting.subList(0, end);
    }

    /** The fitting libraries whose score is below zero. */
    public List<Assessment> poorFits() {
        return fitting.subList(recommended().size(), fitting.size());
    }

    public List<Assessment> excluded() {
        return excluded;
    }

    /** The first recommendation, if any library is recommended. */
    public Optional<Assessment> top() {
        return fitting.isEmpty() || fitting.get(0).score() < 0 ? Optional.empty() : Optional.of(fitting.get(0));
    }

    /** The score lines pairing rules gave to running {@code library} on {@code driver} for {@code database}. */
    public List<Reason> pairing(String library, String database, String driver) {
        return pairings.getOrDefault(new PairKey(library, database, driver), List.of());
    }

    public Optional<Assessment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** 1-based place among the recommendations, or 0 when the library is not recommended. */
    public int rankOf(String id) {
        List<Assessment> recommended = recommended();
        for (int i = 0; i < recommended.size(); i++) {
            if (recommended.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }

}
