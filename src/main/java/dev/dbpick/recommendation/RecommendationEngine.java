package dev.dbpick.recommendation;

import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * The one engine: inserts the catalog and the profile as facts, lets the rules derive score
 * lines, exclusions and cautions, and ranks what is left.
 *
 * <p>Stateless and thread-safe: each call takes its own Drools session from the pool of the
 * shared, immutable knowledge base, and returns it reset.
 *
 * <p>Ranking: highest score first; ties go to the more downloaded library (lower download
 * rank; unranked last), then to the alphabetically first id.
 */
public final class RecommendationEngine {

    private static final Comparator<Reason> REASON_ORDER = Comparator
            .comparingInt((Reason r) -> -Math.abs(r.points()))
            .thenComparing(Reason::rule)
            .thenComparing(Reason::text);

    private RecommendationEngine() {
    }

    /**
     * Ranks the catalog for a profile.
     *
     * @param top how many recommendations to return; 0 for all
     */
    public static Result recommend(Knowledge knowledge, Profile profile, int top) {
        Derived derived = fire(knowledge, profile);
        List<Recommendation> ranked = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        for (Library library : knowledge.catalog().libraries()) {
            List<Note> exclusions = derived.notes(derived.exclusions, library.id());
            if (!exclusions.isEmpty()) {
                excluded.add(new Excluded(library.id(), library.name(), exclusions));
            } else {
                List<Reason> reasons = new ArrayList<>(derived.reasons.getOrDefault(library.id(), List.of()));
                reasons.sort(REASON_ORDER);
                scored.add(new Scored(library, reasons.stream().mapToInt(Reason::points).sum(), reasons));
            }
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score)
                .thenComparingInt(s -> rankOrMax(s.library))
                .thenComparing(s -> s.library.id()));
        int limit = top <= 0 ? scored.size() : Math.min(top, scored.size());
        for (int i = 0; i < limit; i++) {
            Scored s = scored.get(i);
            ranked.add(new Recommendation(i + 1, s.library.id(), s.library.name(), s.library.primaryKind(),
                    s.score, s.reasons, derived.notes(derived.cautions, s.library.id())));
        }
        return new Result(ranked, excluded, profile, new Result.KnowledgeInfo(
                knowledge.revision(), knowledge.rules().names().size(), knowledge.catalog().size()));
    }

    private static int rankOrMax(Library library) {
        Integer rank = library.maintenance().downloadRank();
        return rank == null ? Integer.MAX_VALUE : rank;
    }

    private record Scored(Library library, int score, List<Reason> reasons) {
    }

    private static Derived fire(Knowledge knowledge, Profile profile) {
        Derived derived = new Derived();
        KieSession session = knowledge.rules().sessions().newKieSession();
        session.addEventListener(derived);
        try {
            knowledge.catalog().libraries().forEach(session::insert);
            session.insert(profile);
            for (int i = 0; i < profile.priorities().size(); i++) {
                session.insert(Priority.at(profile.priorities().get(i), i + 1));
            }
            session.fireAllRules();
        } finally {
            session.removeEventListener(derived);
            session.dispose();
        }
        return derived;
    }

    /** Collects what the rules insert, with the name of the rule that inserted it. */
    private static final class Derived extends DefaultRuleRuntimeEventListener {

        final Map<String, List<Reason>> reasons = new HashMap<>();
        final Map<String, List<Note>> exclusions = new HashMap<>();
        final Map<String, List<Note>> cautions = new HashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() == null) {
                return;
            }
            String rule = event.getRule().getName();
            Object fact = event.getObject();
            if (fact instanceof Score s) {
                reasons.computeIfAbsent(s.library(), k -> new ArrayList<>()).add(new Reason(rule, s.points(), s.text()));
            } else if (fact instanceof Exclusion e) {
                exclusions.computeIfAbsent(e.library(), k -> new ArrayList<>()).add(new Note(rule, e.text()));
            } else if (fact instanceof Caution c) {
                cautions.computeIfAbsent(c.library(), k -> new ArrayList<>()).add(new Note(rule, c.text()));
            }
        }

        List<Note> notes(Map<String, List<Note>> byLibrary, String library) {
            List<Note> notes = new ArrayList<>(byLibrary.getOrDefault(library, List.of()));
            notes.sort(Comparator.comparing(Note::rule).thenComparing(Note::text));
            return notes;
        }
    }
}
