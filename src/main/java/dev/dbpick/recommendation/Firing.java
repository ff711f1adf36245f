package dev.dbpick.recommendation;

import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.RuleCompiler;
import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Fires a session's rules within the firing budget and records what they derive: every fact a
 * rule inserts, with the name of that rule. Score, Exclusion and Caution facts become a
 * library's lines; facts of other types (classifications rules share, such as {@code Activity})
 * are only tracked so they can be withdrawn.
 */
final class Firing {

    /** Biggest effect first, then by rule and text, so the order never depends on firing order. */
    private static final Comparator<Reason> REASON_ORDER = (a, b) -> {
        int byPoints = Integer.compare(Math.abs(b.points()), Math.abs(a.points()));
        if (byPoints != 0) {
            return byPoints;
        }
        int byRule = a.rule().compareTo(b.rule());
        return byRule != 0 ? byRule : a.text().compareTo(b.text());
    };
    private static final Comparator<Note> NOTE_ORDER = (a, b) -> {
        int byRule = a.rule().compareTo(b.rule());
        return byRule != 0 ? byRule : a.text().compareTo(b.text());
    };

    /**
     * A fact a rule inserted, and the rule; with the place of the library it is about (catalog
     * order; -1 for a fact about none, or about an id the catalog does not have) and whether the
     * rule's lines are kept by answers ({@link AnswerGroups#keptLine}), both looked up once when
     * the fact is derived rather than at every ranking that recalls it; and the line it makes in
     * an answer ({@link #lineOf}), made once too, so the answers that recall it share one.
     */
    record Derived(String rule, Object fact, int place, boolean keptLine, Object line) {
    }

    /** The line a derived fact makes in an answer: a {@link Reason} for points, a {@link Note} for an exclusion or a caution; null for another fact. */
    static Object lineOf(String rule, Object fact) {
        if (fact instanceof Score s) {
            return new Reason(rule, s.points(), s.text(), s.appliesTo() == AppliesTo.PICK);
        }
        if (fact instanceof Exclusion e) {
            return new Note(rule, e.text(), e.appliesTo() == AppliesTo.PICK);
        }
        if (fact instanceof Caution c) {
            return new Note(rule, c.text());
        }
        return fact instanceof PairingScore p ? new Reason(rule, p.points(), p.text()) : null;
    }

    private final Knowledge knowledge;
    private final List<Library> libraries;
    private final RuleIndex index;
    private final int limit;
    private final Map<FactHandle, Derived> live = new LinkedHashMap<>();
    private final Derivations handedOff;
    private final Set<String> lineRules;
    private final boolean handsOff;
    /** Whether the line rules sit in their own agenda groups, fired after every other rule. */
    private final boolean grouped;
    private final AnswerGroups groups;

    Firing(Knowledge knowledge) {
        this(knowledge, new AnswerGroups(knowledge.rules().kieBase(), knowledge.rules().profileReads(), new RuleIndex(knowledge)));
    }

    /** With the groups' results shared by the sessions of one evaluation date. */
    Firing(Knowledge knowledge, AnswerGroups groups) {
        this.knowledge = knowledge;
        this.index = groups.index();
        this.handedOff = new Derivations(groups);
        this.libraries = index.catalog();
        this.limit = Math.max(1, knowledge.settings().maxFiringsPerLibrary() * Math.max(1, knowledge.catalog().size()));
        this.lineRules = knowledge.rules().lineRules();
        this.handsOff = RuleCompiler.handsOff(knowledge.rules().kieBase().getKiePackages());
        this.grouped = RuleCompiler.linesGrouped(knowledge.rules().kieBase());
        this.groups = groups;
    }

    /** The groups of rules by the answers they read, and what each derived for the answers seen. */
    AnswerGroups groups() {
        return groups;
    }

    /** From now on, only the libraries {@code excluded} marks (by place) count as excluded for {@link #fireFittingOnly}. */
    void excludedOnly(boolean[] excluded) {
        handedOff.excludedOnly(excluded);
    }

    /** From now on, the libraries {@code excluded} marks count as excluded too: the exclusions recalled rather than fired. */
    void excludedToo(boolean[] excluded) {
        handedOff.excludedToo(excluded);
    }

    /** Listens to a session: what rules insert (or hand off) and delete, and how often each rule fires. */
    void attach(KieSession session) {
        if (handsOff) {
            session.setGlobal(RuleCompiler.HANDOFF_GLOBAL, handedOff);
        }
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    live.put(event.getFactHandle(), groups.derived(event.getRule().getName(), event.getObject()));
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                live.remove(event.getFactHandle());
            }
        });
    }

    /**
     * Fires until the agenda is empty or the budget is spent.
     *
     * @return how many rules fired
     * @throws RunawayRuleException when the budget is spent, naming the rule that fired most
     */
    int fire(KieSession session) {
        return fire(session, groups.exclusions(), groups.lines(), null);
    }

    /**
     * Fires as {@link #fire(KieSession)} does, skipping the rules that only add score lines and
     * cautions ({@code Rules.lineRules}) for a library already excluded: for a ranking that needs
     * only the libraries that pass the hard constraints. Exclusions and every other derived fact
     * are still made, so what the fitting libraries get is the same.
     */
    int fireFittingOnly(KieSession session) {
        return fire(session, groups.exclusions(), groups.lines(), fittingFilter());
    }

    /**
     * Fires every rule but the line rules, which are never even matched, and the exclusion rules
     * of the groups not in {@code missing}, whose results are known ({@link AnswerGroups#recall}):
     * what passes the hard constraints, for less. Without line-rules groups, fires as
     * {@link #fireFittingOnly}.
     */
    int fireExclusionsOnly(KieSession session, List<AnswerGroups.Group> missing) {
        return grouped ? fire(session, missing, null, null) : fireFittingOnly(session);
    }

    /**
     * Fires for a ranking whose results of the groups not in {@code missingExclusions} and
     * {@code missingLines} are known ({@link AnswerGroups#recall}): every rule but those groups'
     * rules, which are never matched. With {@code fittingOnly}, as {@link #fireFittingOnly} for
     * the line rules of no group of answers.
     */
    int fireRanking(KieSession session, List<AnswerGroups.Group> missingExclusions, List<AnswerGroups.Group> missingLines,
                    boolean fittingOnly) {
        return fire(session, missingExclusions, missingLines, fittingOnly ? fittingFilter() : null);
    }

    private AgendaFilter fittingFilter() {
        return lineRules.isEmpty() || !handsOff ? null : this::needed;
    }

    /**
     * False for a match of a rule that only adds score lines and cautions when the one library
     * it matched is already excluded. Walks the match's tuple rather than asking for its objects,
     * which would copy them into a new list for every match.
     */
    private boolean needed(Match match) {
        String rule = match.getRule().getName();
        if (!lineRules.contains(rule) || groups.kept(rule)) {
            return true;   // a kept group's lines are derived for every library, to be kept
        }
        Library library = null;
        for (TupleImpl tuple = ((InternalMatch) match).getTuple(); tuple != null; tuple = tuple.getParent()) {
            InternalFactHandle handle = tuple.getFactHandle();
            if (handle != null && handle.getObject() instanceof Library l) {
                if (library != null) {
                    return true;
                }
                library = l;
            }
        }
        return library == null || !handedOff.excluded(library.id());
    }

    /**
     * Fires the rules of no group of answers, then the exclusion rules of {@code exclusions}, then
     * (unless {@code lines} is null) the line rules of {@code lines} and of no group of answers,
     * those last ones through {@code filter}.
     */
    int fire(KieSession session, List<AnswerGroups.Group> exclusions, List<AnswerGroups.Group> lines, AgendaFilter filter) {
        if (!grouped) {
            return fireGroup(session, filter);
        }
        int count = fireGroup(session, null);
        var agenda = session.getAgenda();
        if (!exclusions.isEmpty()) {
            exclusions.forEach(group -> agenda.getAgendaGroup(group.name()).setFocus());
            count += fireGroup(session, null);
        }
        if (lines != null) {
            agenda.getAgendaGroup(RuleCompiler.LINES_GROUP).setFocus();
            lines.forEach(group -> agenda.getAgendaGroup(group.name()).setFocus());
            count += fireGroup(session, filter);
        }
        return count;
    }

    /**
     * Fires the focused agenda group (then those below it) within the budget of firings, and
     * within the time budget when the thread has one ({@link Deadline}): checked before each
     * firing, so the firing stops at the first match after the time is up.
     */
    private int fireGroup(KieSession session, AgendaFilter filter) {
        int count;
        AgendaFilter budgeted = !Deadline.active() ? filter : match -> {
            if (Deadline.passed()) {
                String rule = match.getRule().getName();
                throw new RankingTimeoutException(rule, knowledge.rules().location(rule));
            }
            return filter == null || filter.accept(match);
        };
        try {
            count = budgeted == null ? session.fireAllRules(limit) : session.fireAllRules(budgeted, limit);
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            throw new RuleFailedException(rule, knowledge.rules().location(rule), e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RankingTimeoutException timeout) {
                    throw timeout;
                }
            }
            throw e;
        }
        if (Deadline.passed()) {
            throw new RankingTimeoutException(null, null);
        }
        if (count >= limit) {
            String rule = culprit(session);
            throw new RunawayRuleException(rule, knowledge.rules().location(rule), limit);
        }
        return count;
    }

    /**
     * The rule that keeps the firing going, watched over a further stretch of firing with
     * listeners that only a runaway ranking pays for. A loop needs a rule whose consequence
     * changes the working memory, so the rule that updated or deleted facts most is named, then
     * the one that inserted most, then the one that fired most: a rule that merely re-fires
     * because another rule keeps updating the facts it matches is not blamed.
     */
    private String culprit(KieSession session) {
        Map<String, int[]> counts = new HashMap<>();
        AgendaEventListener fires = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                counts.computeIfAbsent(event.getMatch().getRule().getName(), k -> new int[3])[2]++;
            }
        };
        RuleRuntimeEventListener changes = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                count(event.getRule(), 1);
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                count(event.getRule(), 0);
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                count(event.getRule(), 0);
            }

            private void count(org.kie.api.definition.rule.Rule rule, int kind) {
                if (rule != null) {
                    counts.computeIfAbsent(rule.getName(), k -> new int[3])[kind]++;
                }
            }
        };
        session.addEventListener(fires);
        session.addEventListener(changes);
        try {
            session.fireAllRules(Math.max(100, limit / 10));
        } catch (ConsequenceException e) {
            // The loop ends in a failing consequence; the counts so far still name the culprit.
        } finally {
            session.removeEventListener(fires);
            session.removeEventListener(changes);
        }
        Comparator<Map.Entry<String, int[]>> blame = Comparator.<Map.Entry<String, int[]>>comparingInt(e -> e.getValue()[0])
                .thenComparingInt(e -> e.getValue()[1])
                .thenComparingInt(e -> e.getValue()[2])
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return counts.entrySet().stream().max(blame).map(Map.Entry::getKey).orElse("?");
    }

    /** The facts rules inserted into the working memory since the last call, with their handles; forgets them. */
    Map<FactHandle, Derived> drain() {
        Map<FactHandle, Derived> drained = new LinkedHashMap<>(live);
        live.clear();
        return drained;
    }

    /** The results rules handed off since the last call; forgets them. */
    List<Derived> drainHandedOff() {
        return handedOff.drain();
    }

    /** The assessments of every catalog library from the derived facts, and the ranking they make. */
    Ranking rank(Profile profile, Evaluation evaluation, Iterable<Derived> derived, boolean complete) {
        Lines[] byLibrary = new Lines[libraries.size()];
        Map<Ranking.PairKey, List<Reason>> pairings = new HashMap<>();
        for (Derived d : derived) {
            Object fact = d.fact();
            if (fact instanceof Score) {
                lines(byLibrary, d).reasons.add((Reason) d.line());
            } else if (fact instanceof Exclusion) {
                lines(byLibrary, d).exclusions.add((Note) d.line());
            } else if (fact instanceof Caution) {
                lines(byLibrary, d).cautions.add((Note) d.line());
            } else if (fact instanceof PairingScore p) {
                pairings.computeIfAbsent(new Ranking.PairKey(p.library(), p.database(), p.driver()), k -> new ArrayList<>())
                        .add((Reason) d.line());
            }
        }
        List<Assessment> assessments = new ArrayList<>(libraries.size());
        for (int i = 0; i < byLibrary.length; i++) {
            Lines l = byLibrary[i] == null ? Lines.NONE : byLibrary[i];
            if (l.reasons.size() > 1) {
                l.reasons.sort(REASON_ORDER);
            }
            if (l.exclusions.size() > 1) {
                l.exclusions.sort(NOTE_ORDER);
            }
            if (l.cautions.size() > 1) {
                l.cautions.sort(NOTE_ORDER);
            }
            int score = 0;
            for (Reason reason : l.reasons) {
                score += reason.points();
            }
            assessments.add(new Assessment(libraries.get(i), score, l.reasons, l.exclusions, l.cautions));
        }
        pairings.values().forEach(list -> list.sort(REASON_ORDER));
        return new Ranking(profile, evaluation, assessments, pairings, complete);
    }

    /** The first pick and how many are recommended, from each library's points and exclusions. */
    Lead lead(Tally tally) {
        int[] scores = tally.scores();
        boolean[] excluded = tally.excluded();
        int best = -1;
        int recommended = 0;
        for (int i = 0; i < scores.length; i++) {
            if (excluded[i] || scores[i] < 0) {
                continue;
            }
            recommended++;
            if (best < 0 || scores[i] > scores[best] || scores[i] == scores[best] && ahead(libraries.get(i), libraries.get(best))) {
                best = i;
            }
        }
        return new Lead(best < 0 ? null : libraries.get(best).id(), recommended);
    }

    /** The points and exclusions of derived facts, per library in catalog order. */
    Tally tally(Iterable<Derived> derived) {
        Tally tally = new Tally(new int[libraries.size()], new boolean[libraries.size()]);
        add(tally, derived);
        return tally;
    }

    /** Adds the points and exclusions of derived facts. */
    void add(Tally tally, Iterable<Derived> derived) {
        for (Derived d : derived) {
            Object fact = d.fact();
            if (fact instanceof Score s) {
                tally.scores()[placeOf(d)] += s.points();
            } else if (fact instanceof Exclusion) {
                tally.excluded()[placeOf(d)] = true;
            }
        }
    }

    /** Each library's points and whether it is excluded, in catalog order: what a lead reads. */
    record Tally(int[] scores, boolean[] excluded) {

        Tally copy() {
            return new Tally(scores.clone(), excluded.clone());
        }
    }

    /** Ranking's tie-break between two libraries of the same score: download rank, then id. */
    private static boolean ahead(Library a, Library b) {
        int byUsage = Integer.compare(a.usageRank(), b.usageRank());
        return byUsage != 0 ? byUsage < 0 : a.id().compareTo(b.id()) < 0;
    }

    /** Adds the exclusions among derived facts: the bits of the rules excluding each library, by its place in catalog order. */
    void addExclusions(long[][] excluding, Iterable<Derived> derived) {
        for (Derived d : derived) {
            if (d.fact() instanceof Exclusion) {
                index.exclude(excluding, placeOf(d), index.bit(d.rule()));
            }
        }
    }

    /** Which libraries pass every hard constraint and which rules exclude the others, from the rules excluding each by place. */
    Screen screen(Profile profile, long[][] excluding) {
        return new Screen(profile, index, excluding);
    }

    /** Marks the libraries the derived facts exclude, by place. */
    void markExcluded(boolean[] excluded, Iterable<Derived> derived) {
        for (Derived d : derived) {
            if (d.fact() instanceof Exclusion) {
                excluded[placeOf(d)] = true;
            }
        }
    }

    /** The lines of a library; a fact about an id the catalog does not have is a fault in the rules. */
    private Lines lines(Lines[] byLibrary, Derived derived) {
        int position = placeOf(derived);
        Lines lines = byLibrary[position];
        if (lines == null) {
            lines = new Lines();
            byLibrary[position] = lines;
        }
        return lines;
    }

    /**
     * The place in catalog order, as in a {@link Tally}, of the library a derived fact is about;
     * a fault in the rules for an id the catalog does not have.
     */
    int placeOf(Derived derived) {
        return groups.placeOf(derived);
    }

    private static final class Lines {
        static final Lines NONE = new Lines();
        final List<Reason> reasons = new ArrayList<>(8);
        final List<Note> exclusions = new ArrayList<>(2);
        final List<Note> cautions = new ArrayList<>(2);
    }
}
