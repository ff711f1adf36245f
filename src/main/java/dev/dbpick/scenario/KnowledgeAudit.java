package dev.dbpick.scenario;

import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.RuleCompiler;
import dev.dbpick.knowledge.RuleValues;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.recommendation.Reason;
import dev.dbpick.recommendation.Screen;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks the knowledge must pass beyond its scenarios' expectations, the same for
 * {@code dbpick rules check} and for the build: every rule file compiles on its own with no
 * messages; every value a rule tests for exists in the data; over the scenario profiles, no rule
 * says the same of nearly every fitting library and no library gets one line twice; and the
 * engine's warm session ranks exactly as a fresh one. Each problem is one line.
 */
public final class KnowledgeAudit {

    /** A rule line shared by at least this share of the fitting libraries decides nothing. */
    static final double NEARLY_ALL = 0.9;
    /** ...when at least this many fit. */
    static final int MIN_FITTING = 6;

    private KnowledgeAudit() {
    }

    /** Every problem found, one line each; empty when the knowledge is sound. */
    public static List<String> run(Knowledge knowledge, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>(compileAlone(knowledge.rules().files()));
        problems.addAll(RuleValues.check(knowledge.rules().files(), knowledge.data()));
        if (!problems.isEmpty()) {
            return problems;
        }
        Engine engine = new Engine(knowledge);
        problems.addAll(noise(engine, scenarios));
        problems.addAll(repeatedLines(engine, scenarios));
        problems.addAll(warmDiffersFromFresh(engine, scenarios));
        problems.addAll(fittingOnlyDiffers(engine, scenarios));
        return problems;
    }

    /** A rule file that compiles only beside the others, or with warnings, on its own. */
    public static List<String> compileAlone(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        if (files.size() < 2) {
            return problems;
        }
        for (SourceFile file : files) {
            try {
                RuleCompiler.Compiled alone = RuleCompiler.compile(List.of(file));
                alone.warnings().forEach(w -> problems.add(file.name() + ": warning when compiled on its own: " + w));
            } catch (KnowledgeException e) {
                problems.add(file.name() + ": does not compile on its own (each rule file must declare its own imports"
                        + " and functions): " + (e.problems().isEmpty() ? e.getMessage() : e.problems().get(0)));
            }
        }
        return problems;
    }

    /**
     * A rule giving the same points to nearly every fitting library: a line that decides nothing.
     * One problem per such line, naming how many scenarios show it and the first of them.
     */
    public static List<String> noise(Engine engine, List<Scenario> scenarios) {
        Map<String, List<String>> where = new TreeMap<>();
        for (Scenario scenario : rankable(scenarios)) {
            List<Assessment> fitting = engine.rank(scenario.profile(), scenario.asOf()).fitting();
            if (fitting.size() < MIN_FITTING) {
                continue;
            }
            Map<String, Integer> sameLine = new HashMap<>();
            for (Assessment a : fitting) {
                a.reasons().stream().map(r -> "rule \"" + r.rule() + "\" " + (r.points() > 0 ? "+" : "") + r.points())
                        .distinct().forEach(line -> sameLine.merge(line, 1, Integer::sum));
            }
            sameLine.forEach((line, count) -> {
                if (count >= NEARLY_ALL * fitting.size()) {
                    where.computeIfAbsent(line, k -> new ArrayList<>())
                            .add(scenario.name() + " (" + scenario.source() + "): " + count + " of " + fitting.size());
                }
            });
        }
        List<String> problems = new ArrayList<>();
        where.forEach((line, examples) -> problems.add(line + " goes to nearly every fitting library in " + examples.size()
                + " scenario(s), e.g. " + examples.get(0) + ": a line that says the same of nearly all decides nothing"));
        return problems;
    }

    /** One fact, one line: no library gets the same text twice. */
    public static List<String> repeatedLines(Engine engine, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        for (Scenario scenario : rankable(scenarios)) {
            for (Assessment a : engine.rank(scenario.profile(), scenario.asOf()).fitting()) {
                a.reasons().stream().collect(Collectors.groupingBy(Reason::text, Collectors.counting()))
                        .forEach((text, count) -> {
                            if (count > 1) {
                                problems.add(scenario.source() + ": " + scenario.name() + ": " + a.id() + " gets \"" + text
                                        + "\" " + count + " times: one fact, one line");
                            }
                        });
            }
        }
        return problems;
    }

    /** The warm session (facts kept between rankings) must rank exactly as a fresh session. */
    public static List<String> warmDiffersFromFresh(Engine engine, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        for (Scenario scenario : rankable(scenarios)) {
            Profile profile = scenario.profile();
            String warm = describe(engine.rank(profile, scenario.asOf()));
            String fresh = describe(engine.rankFresh(profile, scenario.asOf()));
            if (!warm.equals(fresh)) {
                problems.add(scenario.source() + ": " + scenario.name() + ": ranks differently in a warm session than in a"
                        + " fresh one: a rule probably changes a catalog fact (modify/update of a Library) instead of"
                        + " inserting its own");
            }
        }
        return problems;
    }

    /**
     * Explanations rank the fitting libraries only, skipping the score lines of excluded ones;
     * that must change nothing for the fitting libraries and no exclusion.
     */
    public static List<String> fittingOnlyDiffers(Engine engine, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        for (Scenario scenario : rankable(scenarios)) {
            String full;
            String fittingOnly;
            String screened;
            String screen;
            try (Engine.Asker asker = engine.ask(scenario.asOf())) {
                Ranking ranking = asker.rank(scenario.profile());
                full = describeFitting(ranking);
                screened = describeScreen(ranking);
                fittingOnly = describeFitting(asker.rankFitting(scenario.profile()));
                screen = describe(asker.screen(scenario.profile()));
            }
            if (!full.equals(fittingOnly)) {
                problems.add(scenario.source() + ": " + scenario.name() + ": the fitting libraries rank differently when the"
                        + " excluded ones are not scored: a rule that only adds Score or Caution lines probably adds them"
                        + " for a library other than the one it matches");
            }
            if (!screened.equals(screen)) {
                problems.add(scenario.source() + ": " + scenario.name() + ": other libraries pass the hard constraints when"
                        + " the score rules are left out: an exclusion depends on a rule that only adds Score or Caution lines");
            }
        }
        return problems;
    }

    /** What a ranking of the fitting libraries says: every fitting library in full, the excluded ones' exclusions. */
    public static String describeFitting(Ranking ranking) {
        return ranking.fitting().stream().map(a -> a.id() + ' ' + a.score() + ' ' + a.reasons() + ' ' + a.cautions())
                .collect(Collectors.joining("\n")) + "\n--\n"
                + ranking.excluded().stream().map(a -> a.id() + ' ' + a.exclusions()).collect(Collectors.joining("\n"));
    }

    /** Which libraries a ranking finds fitting and which rules exclude the others, as {@link #describe(Screen)} says it. */
    public static String describeScreen(Ranking ranking) {
        Map<String, Set<String>> exclusions = new HashMap<>();
        ranking.excluded().forEach(a -> exclusions.put(a.id(), a.exclusions().stream().map(Note::rule).collect(Collectors.toSet())));
        return describe(ranking.fitting().stream().map(Assessment::id).toList(), exclusions);
    }

    /** Which libraries a screen finds fitting and which rules exclude the others, as text that compares exactly. */
    public static String describe(Screen screen) {
        return describe(screen.fitting(), screen.exclusions());
    }

    private static String describe(List<String> fitting, Map<String, Set<String>> exclusions) {
        return fitting.stream().sorted().collect(Collectors.joining(" ")) + "\n--\n"
                + exclusions.entrySet().stream().map(e -> e.getKey() + ' ' + new TreeSet<>(e.getValue()))
                        .sorted().collect(Collectors.joining("\n"));
    }

    /** Everything a ranking says, in order, as text that compares exactly. */
    public static String describe(Ranking ranking) {
        Function<Assessment, String> line = a -> a.id() + ' ' + a.score() + ' ' + a.reasons() + ' ' + a.exclusions() + ' '
                + a.cautions();
        return ranking.fitting().stream().map(line).collect(Collectors.joining("\n")) + "\n--\n"
                + ranking.excluded().stream().map(line).collect(Collectors.joining("\n"));
    }

    /** Scenarios of one ranking; a whole data layer is one ranking per database, covered by theirs. */
    private static List<Scenario> rankable(List<Scenario> scenarios) {
        return scenarios.stream().filter(s -> !s.profile().stack()).toList();
    }
}
