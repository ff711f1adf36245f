package dev.dbpick.recommendation;

import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A Drools session kept warm for one knowledge revision and one evaluation date: the catalog
 * and the {@link Evaluation} are inserted once, and what the rules derive from them alone (the
 * libraries' maintenance, licenses, advisories, ages) is kept. Each ranking inserts the
 * profile, fires, reads the derived facts, and withdraws the profile and everything derived
 * from it, so the session is as it was before.
 *
 * <p>That holds when rules match only {@code Library}, {@code Evaluation} and {@code Profile}
 * facts and the facts rules insert, never the absence of a profile. A rule that reacts to a
 * profile being withdrawn is detected (it fires during the clean-up) and the session is
 * dropped with an error that names the rule; a test compares this path with a fresh session
 * for every scenario and hundreds of generated profiles.
 */
final class WarmSession implements AutoCloseable {

    private final KieSession session;
    private final Firing firing;
    private final Evaluation evaluation;
    private final List<Firing.Derived> fixed;
    /** By library place, whether the fixed facts exclude it: the places with a row in {@link #fixedExcluding}. */
    private final boolean[] fixedExcluded;
    /** Of {@link #fixed}: the exclusions alone, as rule bits per library (all a screen reads), and the points and exclusions per library (all a lead reads). */
    private final long[][] fixedExcluding;
    private final Firing.Tally fixedTally;
    private boolean usable = true;
    /** What the groups derived for the request at hand beyond what they share; forgotten when given back. */
    private final AnswerGroups.Recent recent = new AnswerGroups.Recent();

    /** @param groups what the groups of rules by answers derived, shared by the sessions of this date */
    WarmSession(Knowledge knowledge, Evaluation evaluation, AnswerGroups groups) {
        this.evaluation = evaluation;
        this.session = knowledge.rules().kieBase().newKieSession();
        this.firing = new Firing(knowledge, groups);
        try {
            firing.attach(session);
            insertCatalog(session, knowledge);
            session.insert(evaluation);
            Deadline.outside(() -> firing.fire(session));
            List<Firing.Derived> derived = new ArrayList<>(firing.drain().values());
            derived.addAll(firing.drainHandedOff());
            this.fixed = List.copyOf(derived);
            this.fixedExcluding = new long[groups.index().libraries()][];
            firing.addExclusions(fixedExcluding, derived);
            this.fixedExcluded = RuleIndex.excluded(fixedExcluding);
            this.fixedTally = firing.tally(fixed);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    Evaluation evaluation() {
        return evaluation;
    }

    boolean usable() {
        return usable;
    }

    /** Forgets what it kept for the request it ranked: called when the session is given back. */
    void forgetRecent() {
        recent.forget();
    }

    /**
     * Ranks the catalog for a profile and leaves the session as it found it.
     *
     * @param fittingOnly skip the score lines and cautions of libraries already excluded: the
     *                    fitting libraries and every exclusion come out the same, the excluded
     *                    libraries without their score lines ({@link Ranking#complete()} false)
     */
    Ranking rank(Profile profile, boolean fittingOnly) {
        return ask(profile, fittingOnly ? Scope.FITTING : Scope.ALL,
                derived -> firing.rank(profile, evaluation, derived, !fittingOnly));
    }

    /**
     * The first pick and how many are recommended, as {@link #rank} with {@code fittingOnly} would
     * give them: from each library's points and exclusions, which the recalled groups keep summed
     * ({@link AnswerGroups#tally}), so only what the rules derive afresh is read line by line.
     */
    Lead lead(Profile profile) {
        checkUsable();
        AnswerGroups groups = firing.groups();
        Firing.Tally tally = fixedTally.copy();
        List<AnswerGroups.Group> missingExclusions = new ArrayList<>();
        List<AnswerGroups.Group> missingLines = new ArrayList<>();
        AnswerGroups.Answers answers = new AnswerGroups.Answers(profile, recent);
        groups.tally(answers, groups.exclusions(), tally, missingExclusions);
        groups.tally(answers, groups.lines(), tally, missingLines);
        if (missingExclusions.isEmpty() && missingLines.isEmpty() && groups.profileFree()) {
            return firing.lead(tally);
        }
        return fire(profile, answers, Scope.FITTING, missingExclusions, missingLines, tally.excluded(),
                (derived, handedOff) -> {
                    firing.add(tally, derived);
                    firing.add(tally, handedOff);
                    return firing.lead(tally);
                });
    }

    private void checkUsable() {
        if (!usable) {
            throw new IllegalStateException("session no longer usable");
        }
    }

    /**
     * Which libraries pass the hard constraints and which rules exclude the others, without
     * scoring any: from the exclusions the recalled groups keep ({@link AnswerGroups#screen}) and
     * what the rules derive afresh.
     */
    Screen screen(Profile profile) {
        checkUsable();
        AnswerGroups groups = firing.groups();
        long[][] excluding = new long[fixedExcluding.length][];
        for (int place = 0; place < excluding.length; place++) {
            if (fixedExcluding[place] != null) {
                excluding[place] = fixedExcluding[place].clone();
            }
        }
        List<AnswerGroups.Group> missing = new ArrayList<>();
        AnswerGroups.Answers answers = new AnswerGroups.Answers(profile, recent);
        groups.screen(answers, groups.exclusions(), excluding, missing);
        if (missing.isEmpty() && groups.profileFree()) {
            return firing.screen(profile, excluding);
        }
        return fire(profile, answers, Scope.EXCLUSIONS, missing, List.of(), RuleIndex.excluded(excluding),
                (derived, handedOff) -> {
                    firing.addExclusions(excluding, derived);
                    firing.addExclusions(excluding, handedOff);
                    return firing.screen(profile, excluding);
                });
    }

    /** What a firing leaves out: nothing, the line rules of excluded libraries, or every line rule (a screen). */
    private enum Scope { ALL, FITTING, EXCLUSIONS }

    /**
     * Inserts the profile, fires, reads what the rules derived, and withdraws all of it; or, when
     * every group the scope needs is recalled and no other rule reads the profile
     * ({@link AnswerGroups#profileFree}), reads the recalled results without touching the session.
     */
    private <T> T ask(Profile profile, Scope scope, Function<List<Firing.Derived>, T> read) {
        checkUsable();
        AnswerGroups groups = firing.groups();
        List<Firing.Derived> recalled = new ArrayList<>();
        boolean[] recalledExcluded = new boolean[fixedExcluded.length];
        List<AnswerGroups.Group> missingExclusions = new ArrayList<>();
        List<AnswerGroups.Group> missingLines = new ArrayList<>();
        AnswerGroups.Answers answers = new AnswerGroups.Answers(profile, recent);
        groups.recall(answers, groups.exclusions(), recalled, recalledExcluded, missingExclusions);
        groups.recall(answers, groups.lines(), recalled, recalledExcluded, missingLines);
        if (missingExclusions.isEmpty() && missingLines.isEmpty() && groups.profileFree()) {
            return read.apply(gathered(scope, groups, List.of(), List.of(), recalled, recalledExcluded));
        }
        return fire(profile, answers, scope, missingExclusions, missingLines, recalledExcluded,
                (derived, handedOff) -> read.apply(gathered(scope, groups, derived, handedOff, recalled, recalledExcluded)));
    }

    /**
     * Inserts the profile, fires the missing groups (and the rules outside groups), keeps what the
     * groups derived, has {@code read} read what was derived, and withdraws all of it.
     */
    private <T> T fire(Profile profile, AnswerGroups.Answers answers, Scope scope, List<AnswerGroups.Group> missingExclusions,
                              List<AnswerGroups.Group> missingLines, boolean[] recalledExcluded,
                              java.util.function.BiFunction<java.util.Collection<Firing.Derived>, List<Firing.Derived>, T> read) {
        AnswerGroups groups = firing.groups();
        usable = false;
        FactHandle handle = session.insert(profile);
        firing.excludedOnly(fixedExcluded);
        firing.excludedToo(recalledExcluded);
        if (scope == Scope.EXCLUSIONS) {
            firing.fireExclusionsOnly(session, missingExclusions);
        } else {
            firing.fireRanking(session, missingExclusions, missingLines, scope == Scope.FITTING);
        }
        Map<FactHandle, Firing.Derived> derived = firing.drain();
        List<Firing.Derived> handedOff = firing.drainHandedOff();
        groups.remember(answers, missingExclusions, handedOff);
        groups.remember(answers, missingLines, handedOff);
        T answer = read.apply(derived.values(), handedOff);
        derived.keySet().forEach(session::delete);
        session.delete(handle);
        // Checks that nothing reacts to the profile's withdrawal by firing again. Not needed when the
        // profile is free (AnswerGroups.profileFree): a rule of a kept group either matches a profile
        // or reads nothing of it, so none can match now; Drools applies the withdrawal to those
        // groups when it next fires them.
        if (!groups.profileFree() && firing.fire(session, missingExclusions, missingLines, null) > 0) {
            List<Firing.Derived> stray = new ArrayList<>(firing.drain().values());
            stray.addAll(firing.drainHandedOff());
            String rule = stray.stream().map(Firing.Derived::rule).findFirst().orElse("?");
            throw new IllegalStateException("rule \"" + rule + "\" fired after a ranking's profile was withdrawn; rules"
                    + " must match Library, Evaluation and Profile facts, never the absence of a profile");
        }
        usable = true;
        return answer;
    }

    /** The session's fixed results and what this ranking derived, handed off and recalled, as the scope reads them. */
    private List<Firing.Derived> gathered(Scope scope, AnswerGroups groups, java.util.Collection<Firing.Derived> derived,
                                          List<Firing.Derived> handedOff, List<Firing.Derived> recalled,
                                          boolean[] recalledExcluded) {
        List<Firing.Derived> all = new ArrayList<>(fixed.size() + derived.size() + handedOff.size() + recalled.size());
        all.addAll(fixed);
        all.addAll(derived);
        if (scope == Scope.FITTING) {
            // The kept groups' lines are derived for every library; a ranking of the fitting ones leaves the excluded out.
            boolean[] excluded = fixedExcluded.clone();
            firing.markExcluded(excluded, handedOff);
            firing.markExcluded(excluded, derived);
            for (int place = 0; place < excluded.length; place++) {
                excluded[place] |= recalledExcluded[place];
            }
            addFitting(all, handedOff, excluded);
            addFitting(all, recalled, excluded);
        } else {
            all.addAll(handedOff);
            all.addAll(recalled);
        }
        return all;
    }

    /** Adds the lines, leaving out those of kept line groups about an excluded library. */
    private static void addFitting(List<Firing.Derived> all, List<Firing.Derived> lines, boolean[] excluded) {
        for (Firing.Derived d : lines) {
            int place = d.fact() instanceof Score || d.fact() instanceof Caution ? d.place() : -1;
            if (place < 0 || !excluded[place] || !d.keptLine()) {
                all.add(d);
            }
        }
    }

    @Override
    public void close() {
        usable = false;
        session.dispose();
    }

    /** Every library, and every pairing its {@code runsOn} names. */
    private static void insertCatalog(KieSession session, Knowledge knowledge) {
        for (Library library : knowledge.catalog().libraries()) {
            session.insert(library);
            library.runsOn().forEach((database, drivers) -> {
                for (int i = 0; i < drivers.sync().size(); i++) {
                    session.insert(new Pairing(library.id(), database, drivers.sync().get(i), false, i));
                }
                for (int i = 0; i < drivers.async().size(); i++) {
                    session.insert(new Pairing(library.id(), database, drivers.async().get(i), true, i));
                }
            });
        }
    }

    /** The plain path, for checks: a new session with every fact inserted at once, fired once, disposed. */
    static Ranking fresh(Knowledge knowledge, Evaluation evaluation, Profile profile) {
        KieSession session = knowledge.rules().kieBase().newKieSession();
        Firing firing = new Firing(knowledge);
        try {
            firing.attach(session);
            insertCatalog(session, knowledge);
            session.insert(evaluation);
            session.insert(profile);
            firing.fire(session);
            List<Firing.Derived> derived = new ArrayList<>(firing.drain().values());
            derived.addAll(firing.drainHandedOff());
            return firing.rank(profile, evaluation, derived, true);
        } finally {
            session.dispose();
        }
    }
}
