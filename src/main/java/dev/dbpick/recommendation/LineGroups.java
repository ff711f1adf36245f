package dev.dbpick.recommendation;

import dev.dbpick.knowledge.RuleCompiler;
import dev.dbpick.profile.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;

/**
 * The lines a warm session has derived per group of line rules and per answers read: the line
 * rules whose reads of the profile are known sit in one agenda group per set of answers
 * ({@link RuleCompiler#linesGroup}), and since they match nothing but the catalog, the
 * evaluation date (both fixed for a session) and those answers, what a group derives for a
 * profile depends on those answers alone. A ranking takes a group's lines from here when a
 * profile with the same answers was ranked before, and fires only the other groups.
 *
 * <p>Each group keeps at most {@link #KEPT_PER_GROUP} sets of answers; past that, its lines are
 * derived again each time. Not thread-safe: one per session.
 */
final class LineGroups {

    /** Sets of answers kept per group: every combination of most groups' answers, and a cap for memory. */
    static final int KEPT_PER_GROUP = 512;

    /** One agenda group of line rules, the answers they read, and whether those are answers this knows how to read. */
    record Group(String name, List<String> reads, boolean kept) {
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

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Group> byRule = new HashMap<>();
    private final Map<Group, Map<List<Object>, List<Firing.Derived>>> kept = new HashMap<>();

    LineGroups(KieBase kieBase) {
        Map<String, Group> byName = new HashMap<>();
        kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(RuleImpl.class::cast).forEach(rule -> {
            List<String> reads = RuleCompiler.groupReads(rule.getAgendaGroup());
            if (reads != null) {
                Group group = byName.computeIfAbsent(rule.getAgendaGroup(),
                        name -> new Group(name, reads, reads.stream().allMatch(LineGroups::known)));
                if (group.kept()) {
                    byRule.put(rule.getName(), group);
                }
            }
        });
        groups.addAll(byName.values());
        groups.sort(java.util.Comparator.comparing(Group::name));
    }

    /** Every group of line rules that read known answers, for a firing that derives all of them. */
    List<Group> groups() {
        return groups;
    }

    /** Whether a rule's lines are kept here, by the answers its group reads. */
    boolean kept(String rule) {
        return byRule.containsKey(rule);
    }

    /**
     * Adds to {@code lines} what the groups derived before for the profile's answers, and to
     * {@code missing} the groups that have not seen them.
     */
    void recall(Profile profile, List<Firing.Derived> lines, List<Group> missing) {
        for (Group group : groups) {
            Map<List<Object>, List<Firing.Derived>> byAnswers = group.kept() ? kept.get(group) : null;
            List<Firing.Derived> known = byAnswers == null ? null : byAnswers.get(answers(profile, group));
            if (known == null) {
                missing.add(group);
            } else {
                lines.addAll(known);
            }
        }
    }

    /** Keeps what the {@code fired} groups derived for the profile's answers, read from every line derived. */
    void remember(Profile profile, List<Group> fired, List<Firing.Derived> derived) {
        Map<Group, List<Firing.Derived>> byGroup = new HashMap<>();
        fired.stream().filter(Group::kept).forEach(group -> byGroup.put(group, new ArrayList<>()));
        for (Firing.Derived d : derived) {
            List<Firing.Derived> lines = byGroup.get(byRule.get(d.rule()));
            if (lines != null) {
                lines.add(d);
            }
        }
        byGroup.forEach((group, lines) -> {
            Map<List<Object>, List<Firing.Derived>> byAnswers = kept.computeIfAbsent(group, g -> new HashMap<>());
            if (byAnswers.size() < KEPT_PER_GROUP) {
                byAnswers.put(answers(profile, group), List.copyOf(lines));
            }
        });
    }

    /** The answers of a profile a group reads, in the group's order. */
    private static List<Object> answers(Profile profile, Group group) {
        List<Object> answers = new ArrayList<>(group.reads().size());
        for (String field : group.reads()) {
            answers.add(answer(profile, field));
        }
        return answers;
    }

    private static boolean known(String field) {
        return field.startsWith(CONSTRAINT) || ANSWERS.containsKey(field);
    }

    /** One answer by its name in the profile document, or one constraint ({@code constraints.migrations}). */
    private static Object answer(Profile profile, String field) {
        return field.startsWith(CONSTRAINT) ? profile.requires(field.substring(CONSTRAINT.length()))
                : ANSWERS.get(field).apply(profile);
    }
}
