package dev.dbpick.recommendation;

import dev.dbpick.knowledge.RuleCompiler;
import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;

/**
 * What a warm session has derived per group of rules and per answers read. The exclusion rules
 * and the line rules whose reads of the profile are known sit in one agenda group per set of
 * answers ({@link RuleCompiler#exclusionsGroup}, {@link RuleCompiler#linesGroup}); since they
 * match nothing but the catalog, the evaluation date (both fixed for a session) and those
 * answers, what a group derives for a profile depends on those answers alone. A ranking takes a
 * group's results from here when a profile with the same answers was ranked before, and fires
 * only the other groups: a changed answer re-evaluates only the rules that read it.
 *
 * <p>Each group shares what it derived for the first {@link #KEPT_PER_GROUP} sets of answers,
 * and a session keeps the rest for the request at hand ({@link Store}). Thread-safe: the sessions of one knowledge revision and
 * evaluation date share one ({@link Engine}).
 */
final class AnswerGroups {

    /** Sets of answers kept per group: every combination of most groups' answers, and a cap for memory. */
    static final int KEPT_PER_GROUP = 256;
    /**
     * Sets of answers whose whole results (every line, for a complete ranking) are kept per group,
     * beside their sums ({@link Summary}, what leads and screens read). Measured: after 1,000
     * varied profiles with every explanation, all groups together hold about 11 MiB.
     */
    static final int RESULTS_PER_GROUP = KEPT_PER_GROUP;

    /**
     * One agenda group, the answers its rules read, whether those are answers this knows how to
     * read (else it is fired for every ranking), and whether it holds line rules or exclusion rules.
     */
    record Group(String name, List<String> reads, boolean kept, boolean lines, Store<Kept> results,
                 Store<Summary> summaries) {

        /** One group per name in a knowledge base: compared by identity, which costs nothing. */
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** How to read each answer rules may read, by its name in the profile document. */
    private static final Map<String, Function<Profile, Object>> ANSWERS = Map.ofEntries(
            Map.entry("purpose", Profile::purpose), Map.entry("databases", Profile::databases),
            Map.entry("async", Profile::async), Map.entry("deployment", Profile::deployment),
            Map.entry("sharedBy", Profile::sharedBy), Map.entry("python", Profile::python),
            Map.entry("framework", Profile::framework), Map.entry("workload", Profile::workload),
            Map.entry("alreadyUses", Profile::alreadyUses), Map.entry("priorities", Profile::priorities),
            Map.entry("constraints", Profile::constraints));
    private static final String CONSTRAINT = "constraints.";

    private final List<Group> exclusions = new ArrayList<>();
    private final List<Group> lines = new ArrayList<>();
    private final Map<String, Group> byRule = new HashMap<>();
    private final boolean profileFree;
    private final RuleIndex index;

    /** What a group derived for one set of answers, and the places of the libraries it excluded: what a complete ranking reads. */
    record Kept(List<Firing.Derived> results, int[] excluded) {
    }

    /**
     * What a group derived for one set of answers, summed per library (places in catalog order):
     * the places with points and their points, what a lead reads; and each exclusion as a place
     * and the bit of the rule that made it ({@link RuleIndex}), what a screen reads.
     */
    record Summary(int[] scored, int[] points, int[] excludedAt, int[] excludedBy) {
    }

    /**
     * One group's results by answers: the first {@code cap} sets of answers seen, shared by every
     * session of the date and kept as long as it lives (so they age with the heap rather than
     * churn through it), and beyond those the answers of the request at hand, kept by the
     * session that ranks it ({@link Recent}) until it is given back, for the sums: a profile and
     * its changes share most answers.
     */
    static final class Store<V> {

        private final int cap;
        private final boolean recentToo;
        private final Map<Key, V> shared = new ConcurrentHashMap<>();

        /** @param recentToo whether a session keeps the request's answers beyond the cap (small values only) */
        Store(int cap, boolean recentToo) {
            this.cap = cap;
            this.recentToo = recentToo;
        }

        /** Whether {@link #put} would keep anything now. */
        boolean keeps() {
            return recentToo || shared.size() < cap;
        }

        V get(Key answers, Recent recent) {
            V known = shared.get(answers);
            return known != null ? known : recent.get(this, answers);
        }

        void put(Key answers, V results, Recent recent) {
            if (shared.size() < cap) {
                shared.putIfAbsent(answers, results);
            } else if (recentToo) {
                recent.put(this, answers, results);
            }
        }
    }

    /**
     * What the groups derived for the answers of one request beyond what they share, as sums
     * ({@link Summary}, what leads and screens read): held by a session while one thread ranks with it, forgotten when it is given back, and at most
     * {@link #RECENT} sets of answers at a time (a long search starts over).
     */
    static final class Recent {

        static final int RECENT = 4096;
        private final Map<Store<?>, Map<Key, Object>> byStore = new java.util.IdentityHashMap<>();
        private int size;

        @SuppressWarnings("unchecked")
        <V> V get(Store<V> store, Key answers) {
            Map<Key, Object> known = byStore.get(store);
            return known == null ? null : (V) known.get(answers);
        }

        <V> void put(Store<V> store, Key answers, V results) {
            if (size >= RECENT) {
                forget();
            }
            if (byStore.computeIfAbsent(store, s -> new HashMap<>()).put(answers, results) == null) {
                size++;
            }
        }

        void forget() {
            byStore.clear();
            size = 0;
        }
    }

    /**
     * @param profileReads what each rule reads of the profile, where known
     *                     ({@link dev.dbpick.knowledge.Rules#profileReads})
     */
    AnswerGroups(KieBase kieBase, Map<String, Set<String>> profileReads, RuleIndex index) {
        this.index = index;
        Map<String, Group> byName = new HashMap<>();
        kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(RuleImpl.class::cast).forEach(rule -> {
            String name = rule.getAgendaGroup();
            List<String> reads = RuleCompiler.groupReads(name);
            if (reads != null) {
                Group group = byName.computeIfAbsent(name, n -> new Group(n, reads,
                        reads.stream().allMatch(AnswerGroups::known), n.startsWith(RuleCompiler.LINES_GROUP),
                        new Store<>(RESULTS_PER_GROUP, false), new Store<>(KEPT_PER_GROUP, true)));
                if (group.kept()) {
                    byRule.put(rule.getName(), group);
                }
            }
        });
        byName.values().stream().sorted(Comparator.comparing(Group::name))
                .forEach(group -> (group.lines() ? lines : exclusions).add(group));
        this.profileFree = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .allMatch(rule -> byRule.containsKey(rule.getName()) || Set.of().equals(profileReads.get(rule.getName())));
    }

    /**
     * Whether every rule either sits in a kept group or reads nothing of the profile (and so
     * fired once, before any profile, for the session's fixed facts): then a ranking whose
     * groups are all recalled has nothing left for the rules to do.
     */
    boolean profileFree() {
        return profileFree;
    }

    /** The rules by bit and the libraries by place, as the sums and screens number them. */
    RuleIndex index() {
        return index;
    }

    /** Every group of exclusion rules. */
    List<Group> exclusions() {
        return exclusions;
    }

    /** Every group of line rules, but the one of the line rules whose reads are not known. */
    List<Group> lines() {
        return lines;
    }

    /** Whether a rule's results are kept here, by the answers its group reads. */
    boolean kept(String rule) {
        return byRule.containsKey(rule);
    }

    /** A fact a rule derived, with its library's place, whether the rule's lines are kept here, and its line. */
    Firing.Derived derived(String rule, Object fact) {
        String library = library(fact);
        return new Firing.Derived(rule, fact, library == null ? -1 : index.place(library), keptLine(rule), Firing.lineOf(rule, fact));
    }

    /** The library a derived fact is about; null for a fact about none. */
    static String library(Object fact) {
        if (fact instanceof Score s) {
            return s.library();
        }
        if (fact instanceof Exclusion e) {
            return e.library();
        }
        if (fact instanceof Caution c) {
            return c.library();
        }
        return fact instanceof PairingScore p ? p.library() : null;
    }

    /** Whether a rule is a line rule whose lines are kept here. */
    boolean keptLine(String rule) {
        Group group = byRule.get(rule);
        return group != null && group.lines();
    }

    /**
     * A profile's answers as the groups read them: each answer read, and its hash, once per
     * ranking rather than once per group.
     */
    static final class Answers {

        private final Profile profile;
        private final Recent recent;
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Integer> hashes = new HashMap<>();

        /** @param recent what the session ranking this profile keeps beyond what the groups share */
        Answers(Profile profile, Recent recent) {
            this.profile = profile;
            this.recent = recent;
        }

        Recent recent() {
            return recent;
        }

        /** The answers a group reads, in the group's order, as a key of what it derived. */
        Key of(Group group) {
            List<String> reads = group.reads();
            Object[] parts = new Object[reads.size()];
            int hash = 1;
            for (int i = 0; i < parts.length; i++) {
                String field = reads.get(i);
                Object value = values.get(field);
                if (value == null) {
                    value = field.startsWith(CONSTRAINT) ? profile.requires(field.substring(CONSTRAINT.length()))
                            : ANSWERS.get(field).apply(profile);
                    values.put(field, value);
                    hashes.put(field, value.hashCode());
                }
                parts[i] = value;
                hash = 31 * hash + hashes.get(field);
            }
            return new Key(parts, hash);
        }
    }

    /** A group's answers, hashed once. */
    static final class Key {

        private final Object[] parts;
        private final int hash;

        Key(Object[] parts, int hash) {
            this.parts = parts;
            this.hash = hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && java.util.Arrays.equals(key.parts, parts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Adds to {@code results} what the {@code groups} derived before for the profile's answers,
     * to {@code excluded} the libraries they excluded (by place), and to {@code missing} the groups that
     * have not seen those answers.
     */
    void recall(Answers answers, List<Group> groups, List<Firing.Derived> results, boolean[] excluded, List<Group> missing) {
        for (Group group : groups) {
            Kept known = group.kept() ? group.results().get(answers.of(group), answers.recent()) : null;
            if (known == null) {
                missing.add(group);
            } else {
                results.addAll(known.results());
                for (int place : known.excluded()) {
                    excluded[place] = true;
                }
            }
        }
    }

    /** Keeps what the {@code fired} groups derived for the profile's answers, read from everything derived. */
    void remember(Answers answers, List<Group> fired, List<Firing.Derived> derived) {
        Map<Group, List<Firing.Derived>> byGroup = new HashMap<>();
        fired.stream().filter(Group::kept).forEach(group -> byGroup.put(group, new ArrayList<>()));
        if (byGroup.isEmpty()) {
            return;
        }
        for (Firing.Derived d : derived) {
            List<Firing.Derived> results = byGroup.get(byRule.get(d.rule()));
            if (results != null) {
                results.add(d);
            }
        }
        byGroup.forEach((group, results) -> {
            Key key = answers.of(group);
            if (group.results().keeps()) {
                int[] excluded = results.stream().filter(d -> d.fact() instanceof Exclusion)
                        .mapToInt(this::placeOf).distinct().toArray();
                group.results().put(key, new Kept(List.copyOf(results), excluded), answers.recent());
            }
            group.summaries().put(key, summary(results), answers.recent());
        });
    }

    /** The place of the library a derived fact is about; a fault in the rules for an id the catalog does not have. */
    int placeOf(Firing.Derived derived) {
        return derived.place() >= 0 ? derived.place() : index.placeOf(library(derived.fact()));
    }

    private Summary summary(List<Firing.Derived> results) {
        Map<Integer, Integer> points = new java.util.TreeMap<>();
        List<Firing.Derived> exclusions = new ArrayList<>();
        for (Firing.Derived d : results) {
            if (d.fact() instanceof Score s) {
                points.merge(placeOf(d), s.points(), Integer::sum);
            } else if (d.fact() instanceof Exclusion) {
                exclusions.add(d);
            }
        }
        return new Summary(points.keySet().stream().mapToInt(Integer::intValue).toArray(),
                points.values().stream().mapToInt(Integer::intValue).toArray(),
                exclusions.stream().mapToInt(this::placeOf).toArray(),
                exclusions.stream().mapToInt(d -> index.bit(d.rule())).toArray());
    }

    /**
     * As {@link #recall}, for a lead: adds what the groups derived before for the profile's
     * answers to each library's points and exclusions, and the groups that have not seen those
     * answers to {@code missing}.
     */
    void tally(Answers answers, List<Group> groups, Firing.Tally tally, List<Group> missing) {
        for (Group group : groups) {
            Summary known = group.kept() ? group.summaries().get(answers.of(group), answers.recent()) : null;
            if (known == null) {
                missing.add(group);
                continue;
            }
            int[] scores = tally.scores();
            for (int i = 0; i < known.scored().length; i++) {
                scores[known.scored()[i]] += known.points()[i];
            }
            for (int place : known.excludedAt()) {
                tally.excluded()[place] = true;
            }
        }
    }

    /**
     * As {@link #recall}, for a screen: adds the exclusions the groups derived before for the
     * profile's answers to {@code excluding} (the bits of the rules excluding each library, by
     * place), and the groups that have not seen those answers to {@code missing}.
     */
    void screen(Answers answers, List<Group> groups, long[][] excluding, List<Group> missing) {
        for (Group group : groups) {
            Summary known = group.kept() ? group.summaries().get(answers.of(group), answers.recent()) : null;
            if (known == null) {
                missing.add(group);
                continue;
            }
            for (int i = 0; i < known.excludedAt().length; i++) {
                index.exclude(excluding, known.excludedAt()[i], known.excludedBy()[i]);
            }
        }
    }

    private static boolean known(String field) {
        return field.startsWith(CONSTRAINT) || ANSWERS.containsKey(field);
    }
}
