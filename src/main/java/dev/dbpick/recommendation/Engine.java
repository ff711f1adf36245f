package dev.dbpick.recommendation;

import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The one engine over one knowledge revision: ranks profiles with warm Drools sessions kept
 * per evaluation date, borrowed by one thread at a time and returned after use. Thread-safe;
 * make one per {@link Knowledge} and share it. A reload makes a new engine, so sessions never
 * outlive their rules.
 */
public final class Engine {

    /** Idle sessions kept per evaluation date; more are made under load and dropped after. */
    private static final int IDLE_PER_DATE = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    /** Evaluation dates with idle sessions; an unusual --as-of or asOf does not pin memory. */
    private static final int DATES = 4;

    private final Knowledge knowledge;
    private final RuleIndex index;
    private final Map<String, Deque<WarmSession>> idle = new ConcurrentHashMap<>();
    /** What the groups of rules by answers derived, per evaluation date, shared by that date's sessions. */
    private final Map<String, AnswerGroups> groups = new ConcurrentHashMap<>();
    /** The evaluation last asked for: nearly every ranking is judged on the same date, parsed once. */
    private volatile Evaluation lastEvaluation;

    public Engine(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.index = new RuleIndex(knowledge);
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /** The rules by bit and the libraries by place, as {@link Screen}s number them. */
    public RuleIndex index() {
        return index;
    }

    /** Today in UTC: the evaluation date when none is asked for. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The evaluation fact for a date, with the knowledge's stale-facts threshold. */
    public Evaluation evaluation(LocalDate date) {
        Evaluation last = lastEvaluation;
        if (last != null && last.date().equals(date.toString())) {
            return last;
        }
        Evaluation evaluation = Evaluation.on(date, knowledge.settings().staleFactsAfterMonths());
        lastEvaluation = evaluation;
        return evaluation;
    }

    /** Ranks the catalog for one profile, judged on {@code date}. */
    public Ranking rank(Profile profile, LocalDate date) {
        try (Asker asker = ask(date)) {
            return asker.rank(profile);
        }
    }

    /**
     * A warm session to rank several profiles in a row (explanations ask the engine again with
     * changed profiles); close it to give it back.
     */
    public Asker ask(LocalDate date) {
        Evaluation evaluation = evaluation(date);
        Deque<WarmSession> sessions = idle.get(evaluation.date());
        WarmSession session = sessions == null ? null : sessions.pollFirst();
        return new Asker(session != null ? session : new WarmSession(knowledge, evaluation, groups(evaluation.date())));
    }

    /** The plain path: a fresh session with every fact inserted at once. Slower; the reference for tests. */
    public Ranking rankFresh(Profile profile, LocalDate date) {
        return WarmSession.fresh(knowledge, evaluation(date), profile);
    }

    /** The groups' results for a date; those of at most {@link #DATES} dates are kept. */
    private AnswerGroups groups(String date) {
        AnswerGroups known = groups.get(date);
        if (known != null) {
            return known;
        }
        if (groups.size() >= DATES) {
            groups.keySet().stream().filter(d -> !idle.containsKey(d)).findFirst().ifPresent(groups::remove);
        }
        return groups.computeIfAbsent(date, d -> new AnswerGroups(knowledge.rules().kieBase(), knowledge.rules().profileReads(), index));
    }

    private void giveBack(WarmSession session) {
        if (!session.usable()) {
            session.close();
            return;
        }
        session.forgetRecent();
        String date = session.evaluation().date();
        if (!idle.containsKey(date) && idle.size() >= DATES) {
            idle.keySet().stream().filter(d -> !d.equals(date)).findFirst()
                    .map(idle::remove).ifPresent(dropped -> dropped.forEach(WarmSession::close));
        }
        Deque<WarmSession> sessions = idle.computeIfAbsent(date, d -> new ConcurrentLinkedDeque<>());
        if (sessions.size() < IDLE_PER_DATE) {
            sessions.addFirst(session);
        } else {
            session.close();
        }
    }

    /** A borrowed warm session. Not thread-safe: one thread ranks with it, then closes it. */
    public final class Asker implements AutoCloseable {

        private WarmSession session;

        private Asker(WarmSession session) {
            this.session = session;
        }

        public Ranking rank(Profile profile) {
            return session.rank(profile, false);
        }

        /**
         * Ranks the libraries that pass the hard constraints, without the score lines and
         * cautions of the excluded ones: what explanations need when they ask again with changed
         * answers (which library leads, how many fit, which rules exclude each library), for less.
         */
        public Ranking rankFitting(Profile profile) {
            return session.rank(profile, true);
        }

        /**
         * The first pick of a profile and how many libraries are recommended, as
         * {@link #rankFitting} gives them ({@link Ranking#top()}, {@link Ranking#recommended()}),
         * for less: what pivots and relaxations ask of each changed profile.
         */
        public Lead lead(Profile profile) {
            return session.lead(profile);
        }

        /**
         * Which libraries pass the hard constraints, and which rules exclude the others, without
         * scoring any library: the score rules are not even matched. For explanations that only
         * score the changed profiles after which something can fit.
         */
        public Screen screen(Profile profile) {
            return session.screen(profile);
        }

        public Engine engine() {
            return Engine.this;
        }

        @Override
        public void close() {
            if (session != null) {
                giveBack(session);
                session = null;
            }
        }
    }
}
