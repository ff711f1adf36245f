package dev.dbpick.knowledge;

import dev.dbpick.support.SourceFile;
import dev.dbpick.support.KnowledgeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL files with Drools' classic run-time compiler, which reports every error at once
 * with its file and line.
 *
 * <p>The results rules insert for Java to read and no rule matches (score lines, exclusions,
 * cautions, pairing scores) are <em>handed off</em>: {@code insert(new Score(...))} compiles to
 * {@code derivations.add(drools, new Score(...))}, which records the fact and its rule without a
 * working-memory insert and delete per line. The rewrite keeps every line number, and it is only
 * kept when no rule's conditions match one of those types; otherwise the files are compiled as
 * written.
 */
public final class RuleCompiler {

    /** The global rules hand results to, and its type. */
    public static final String HANDOFF_GLOBAL = "derivations";
    private static final String HANDOFF_TYPE = "dev.dbpick.recommendation.Derivations";
    private static final String RESULTS_PACKAGE = "dev.dbpick.recommendation.";
    private static final Set<String> HANDED_OFF = Set.of("Score", "Exclusion", "Caution", "PairingScore");
    private static final Pattern HANDOFF = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+(Score|Exclusion|Caution|PairingScore)\\s*\\(");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private RuleCompiler() {
    }

    /** The compiled packages, and any warnings the compiler gave. */
    public record Compiled(Collection<KiePackage> packages, List<String> warnings) {
    }

    /**
     * Compiles the files together, handing off results when no rule matches them.
     *
     * @throws KnowledgeException listing every error as {@code file:line: message}
     */
    public static Compiled compile(List<SourceFile> files) {
        if (files.isEmpty()) {
            throw new KnowledgeException("rules: no rule files (*.drl)");
        }
        List<String> problems = duplicateRuleNames(files);
        List<String> logical = logicalInserts(files);
        if (!logical.isEmpty()) {   // Drools would add an error about its class path
            problems.addAll(logical);
            throw new KnowledgeException(problems.size() + " error(s) in the rules", problems);
        }
        Compiled written = build(files, problems);
        Compiled compiled = matchesHandedOffTypes(written.packages()) ? written
                : build(files.stream().map(RuleCompiler::handOff).toList(), new ArrayList<>());
        checkConsequences(compiled.packages(), files);
        return compiled;
    }

    /**
     * Refuses compiled rules whose consequences or functions do more than rules are for
     * ({@link ConsequenceCheck}): each problem with file, line and rule name.
     */
    static void checkConsequences(Collection<KiePackage> packages, List<SourceFile> files) {
        checkConsequences(packages, files, locations(files));
    }

    /** As {@link #checkConsequences(Collection, List)}, with the rules' {@link #locations} known. */
    static void checkConsequences(Collection<KiePackage> packages, List<SourceFile> files, Map<String, String> locations) {
        List<String> refused = ConsequenceCheck.problems(packages, files, locations);
        if (!refused.isEmpty()) {
            throw new KnowledgeException(refused.size() + " rule(s) do what rules may not", refused);
        }
    }

    /** Whether a compilation hands its results off to the global {@code derivations}. */
    public static boolean handsOff(Collection<KiePackage> packages) {
        return packages.stream().anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(HANDOFF_GLOBAL)));
    }

    /** The file with {@code insert(new Score(} and its like rewritten, and the global declared at its end. */
    static SourceFile handOff(SourceFile file) {
        String text = file.text();
        Matcher m = HANDOFF.matcher(text);
        if (!m.find()) {
            return file;
        }
        String rewritten = m.replaceAll(r -> HANDOFF_GLOBAL + ".add(drools, new " + r.group(1) + "(")
                + "\nglobal " + HANDOFF_TYPE + " " + HANDOFF_GLOBAL + ";\n";
        return new SourceFile(file.name(), file.path(), rewritten.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether any rule's conditions match a type whose facts would be handed off. */
    private static boolean matchesHandedOffTypes(Collection<KiePackage> packages) {
        for (KiePackage pkg : packages) {
            for (org.kie.api.definition.rule.Rule rule : pkg.getRules()) {
                if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && matches(impl.getLhs())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(org.drools.base.rule.RuleConditionElement element) {
        if (element instanceof org.drools.base.rule.Pattern pattern
                && pattern.getObjectType() instanceof org.drools.base.base.ClassObjectType type) {
            String name = type.getClassName();
            if (name.startsWith(RESULTS_PACKAGE) && HANDED_OFF.contains(name.substring(RESULTS_PACKAGE.length()))) {
                return true;
            }
        }
        return element.getNestedElements().stream().anyMatch(RuleCompiler::matches);
    }

    private static Compiled build(List<SourceFile> files, List<String> problems) {
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // Rules never modify facts, so property reactivity has nothing to do; without it Drools
        // also stops warning about constraints that call methods with another pattern's values.
        configuration.setOption(PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        for (SourceFile file : files) {
            Resource resource = ResourceFactory.newByteArrayResource(file.content());
            resource.setSourcePath(file.name());
            builder.add(resource, ResourceType.DRL);
        }
        builder.getResults(ResultSeverity.ERROR).forEach(error -> problems.add(describe(error)));
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems.size() + " error(s) in the rules", problems);
        }
        List<String> warnings = new ArrayList<>();
        builder.getResults(ResultSeverity.WARNING).forEach(warning -> warnings.add(describe(warning)));
        return new Compiled(builder.getKnowledgePackages(), warnings);
    }


    /** The agenda group the line rules fire in, after every other rule; see {@link #newKieBase(Collection, Set, Map)}. */
    public static final String LINES_GROUP = "dbpick-lines";

    /**
     * The agenda group of the line rules that read these answers of the profile and nothing else
     * of it ({@link #profileReads}): {@link #LINES_GROUP}, a colon, and the answers sorted and
     * comma-separated. What such a group derives for a profile depends on those answers alone.
     */
    public static String linesGroup(Set<String> reads) {
        return LINES_GROUP + ":" + String.join(",", new java.util.TreeSet<>(reads));
    }

    /**
     * The agenda group of the exclusion rules ({@link #exclusionRules}) that read these answers of
     * the profile and nothing else of it: fired after the other rules and before the line rules.
     */
    public static String exclusionsGroup(Set<String> reads) {
        return EXCLUSIONS_GROUP + ":" + String.join(",", new java.util.TreeSet<>(reads));
    }

    /** The prefix of the exclusion rules' agenda groups; see {@link #exclusionsGroup}. */
    public static final String EXCLUSIONS_GROUP = "dbpick-exclusions";

    /**
     * The answers the rules of an agenda group read, or null when it is not a group of answers
     * read ({@link #linesGroup}, {@link #exclusionsGroup}).
     */
    public static List<String> groupReads(String agendaGroup) {
        String prefix = agendaGroup == null ? null : agendaGroup.startsWith(LINES_GROUP + ":") ? LINES_GROUP
                : agendaGroup.startsWith(EXCLUSIONS_GROUP + ":") ? EXCLUSIONS_GROUP : null;
        if (prefix == null) {
            return null;
        }
        String reads = agendaGroup.substring(prefix.length() + 1);
        return reads.isEmpty() ? List.of() : List.of(reads.split(","));
    }

    /**
     * A knowledge base holding the packages, with the line rules ({@link #lineRules}) moved to
     * their own agenda group, {@link #LINES_GROUP}, when results are handed off: nothing can
     * match what they derive, so they may fire after every other rule, and a firing that only
     * asks which libraries pass the hard constraints can leave them unmatched. A line rule that
     * names an agenda, activation or rule-flow group of its own stays where it is. Cheap to
     * make; shared by every session.
     */
    public static KieBase newKieBase(Collection<KiePackage> packages, Set<String> lineRules) {
        return newKieBase(packages, lineRules, Map.of(), Set.of());
    }

    /**
     * As {@link #newKieBase(Collection, Set)}, with each line rule (or other result rule,
     * {@link #resultRules}) whose reads of the profile are
     * known ({@code profileReads}) in the group of the answers it reads ({@link #linesGroup})
     * instead, and each exclusion rule ({@link #exclusionRules}) whose reads are known in its
     * group of answers ({@link #exclusionsGroup}): a session may then keep what such a group
     * derived for those answers and fire it again only for answers it has not seen.
     */
    public static KieBase newKieBase(Collection<KiePackage> packages, Set<String> lineRules,
                                     Map<String, Set<String>> profileReads, Set<String> exclusionRules) {
        if (!lineRules.isEmpty() && handsOff(packages)) {
            for (KiePackage p : packages) {
                for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                    RuleImpl rule = (RuleImpl) r;
                    if (!"MAIN".equals(rule.getAgendaGroup()) || !isBlank(rule.getActivationGroup())
                            || !isBlank(rule.getRuleFlowGroup())) {
                        continue;
                    }
                    Set<String> reads = profileReads.get(rule.getName());
                    if (lineRules.contains(rule.getName())) {
                        rule.setAgendaGroup(reads == null ? LINES_GROUP : linesGroup(reads));
                    } else if (exclusionRules.contains(rule.getName()) && reads != null) {
                        rule.setAgendaGroup(exclusionsGroup(reads));
                    }
                }
            }
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        return kieBase;
    }

    /** Whether the line rules of a knowledge base sit in {@link #LINES_GROUP}. */
    public static boolean linesGrouped(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(r -> ((RuleImpl) r).getAgendaGroup())
                .anyMatch(group -> LINES_GROUP.equals(group) || groupReads(group) != null);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Rule names are what reasons cite, so each must be unique across all files. */
    static List<String> duplicateRuleNames(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        Map<String, String> firstSeen = new HashMap<>();
        scan(files, (name, where) -> {
            String first = firstSeen.putIfAbsent(name, where);
            if (first != null) {
                problems.add(where + ": rule name \"" + name + "\" is already used at " + first);
            }
        });
        return problems;
    }

    private static final Pattern LOGICAL = Pattern.compile("\\binsertLogical\\b");

    /**
     * Logical insertion needs Drools' truth maintenance, which dbpick leaves out: a ranking
     * withdraws everything its rules derived once it is read, so plain {@code insert} already
     * does what {@code insertLogical} would. Said per use, with file and line, before Drools
     * would fail with a message about its class path.
     */
    static List<String> logicalInserts(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        for (SourceFile file : files) {
            String code = blankCommentsAndStrings(file.text());
            Matcher m = LOGICAL.matcher(code);
            while (m.find()) {
                problems.add(file.name() + ":" + lineOf(code, m.start()) + ": insertLogical is not supported; use insert:"
                        + " what rules derive is withdrawn after every ranking anyway");
            }
        }
        return problems;
    }

    /** Where each rule is declared, as {@code file:line}, for messages that name a rule. */
    public static Map<String, String> locations(List<SourceFile> files) {
        Map<String, String> locations = new HashMap<>();
        scan(files, locations::putIfAbsent);
        return locations;
    }

    private static void scan(List<SourceFile> files, java.util.function.BiConsumer<String, String> declared) {
        for (SourceFile file : files) {
            String text = file.text();
            Matcher m = RULE_NAME.matcher(text);
            while (m.find()) {
                declared.accept(m.group(1), file.name() + ":" + lineOf(text, m.start(1)));
            }
        }
    }

    private static final Pattern CONSEQUENCE = Pattern.compile("\\bthen\\b(.*?)^\\s*end\\s*$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+(?:Score|Caution)\\s*\\(");
    private static final Pattern OTHER_EFFECT = Pattern.compile(
            "\\b(?:insert|insertLogical|modify|update|delete|retract|drools|kcontext|Exclusion|PairingScore)\\b");

    /**
     * The rules whose consequences only add score lines and cautions ({@code insert(new Score(...))},
     * {@code insert(new Caution(...))}) and do nothing else: no exclusion, no fact other rules
     * match, no call on the session. A ranking that needs only the libraries that pass the hard
     * constraints can skip them for a library already excluded. Read from the files as written,
     * with comments and string literals blanked; a consequence this cannot read with certainty
     * does not count, so the skip is never wrong, at worst not taken.
     */
    public static Set<String> lineRules(List<SourceFile> files) {
        return rulesInsertingOnly(files, LINE, OTHER_EFFECT);
    }

    private static final Pattern HANDED_OFF_LINE = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+(?:Score|Caution|PairingScore)\\s*\\(");
    private static final Pattern NOT_HANDED_OFF = Pattern.compile(
            "\\b(?:insert|insertLogical|modify|update|delete|retract|drools|kcontext|Exclusion)\\b");

    /**
     * The line rules ({@link #lineRules}) and the rules that score drivers for a stack
     * ({@code insert(new PairingScore(...))}) the same way: results nothing matches, so they may
     * fire after every other rule, in the group of the answers they read.
     */
    public static Set<String> resultRules(List<SourceFile> files) {
        return rulesInsertingOnly(files, HANDED_OFF_LINE, NOT_HANDED_OFF);
    }

    /** The rules whose consequence makes at least one {@code insert} of {@code kind} and, those aside, nothing {@code other}. */
    private static Set<String> rulesInsertingOnly(List<SourceFile> files, Pattern kind, Pattern other) {
        return rulesWhoseConsequence(files, then -> {
            Matcher inserts = kind.matcher(then);
            return inserts.find() && !other.matcher(inserts.replaceAll("(")).find();
        });
    }

    /**
     * What dbpick reads from the rule files' text besides compiling them: the line, result and
     * exclusion rules, what each rule reads of the profile, and where each is declared. Kept
     * beside the compiled rules in the cache, so a run that loads them does not read it again.
     */
    public record Analyses(Set<String> lineRules, Set<String> resultRules, Set<String> exclusionRules,
                           Map<String, Set<String>> profileReads, Map<String, String> locations) implements java.io.Serializable {

        public static Analyses of(List<SourceFile> files) {
            return new Analyses(RuleCompiler.lineRules(files), RuleCompiler.resultRules(files),
                    RuleCompiler.exclusionRules(files),
                    RuleCompiler.profileReads(files, dev.dbpick.profile.Profile.FIELDS.keySet()), RuleCompiler.locations(files));
        }
    }

    /** The rules whose consequence, read with comments and strings blanked, passes the test. */
    private static Set<String> rulesWhoseConsequence(List<SourceFile> files, java.util.function.Predicate<String> test) {
        Set<String> rules = new HashSet<>();
        for (RuleText rule : ruleTexts(files)) {
            Matcher consequence = CONSEQUENCE.matcher(rule.code());
            if (consequence.find() && test.test(consequence.group(1))) {
                rules.add(rule.name());
            }
        }
        return Set.copyOf(rules);
    }

    private static final Pattern RESULT = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+(?:Score|Caution|Exclusion)\\s*\\(");
    private static final Pattern EXCLUSION = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+Exclusion\\s*\\(");
    private static final Pattern ANY_OTHER_EFFECT = Pattern.compile(
            "\\b(?:insert|insertLogical|modify|update|delete|retract|drools|kcontext|PairingScore)\\b");

    /**
     * The rules whose consequences exclude libraries ({@code insert(new Exclusion(...))}), maybe
     * add score lines and cautions, and do nothing else: nothing they derive is matched by a rule,
     * so they may fire after every other rule and before the line rules. Read as
     * {@link #lineRules} are, with the same certainty.
     */
    public static Set<String> exclusionRules(List<SourceFile> files) {
        return rulesWhoseConsequence(files, then -> EXCLUSION.matcher(then).find()
                && !ANY_OTHER_EFFECT.matcher(RESULT.matcher(then).replaceAll("(")).find());
    }

    /**
     * One rule's declaration after its name, up to the next rule's name: as written
     * ({@code text}) and with comments and string literals blanked ({@code code}), offsets alike.
     */
    private record RuleText(String name, String text, String code) {
    }

    /** Every rule of the files, in order. */
    private static List<RuleText> ruleTexts(List<SourceFile> files) {
        List<RuleText> rules = new ArrayList<>();
        for (SourceFile file : files) {
            String text = file.text();
            String code = blankCommentsAndStrings(text);
            Matcher names = RULE_NAME.matcher(text);
            List<Integer> starts = new ArrayList<>();
            List<String> found = new ArrayList<>();
            while (names.find()) {
                starts.add(names.end());
                found.add(names.group(1));
            }
            for (int i = 0; i < found.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1) : code.length();
                rules.add(new RuleText(found.get(i), text.substring(starts.get(i), end), code.substring(starts.get(i), end)));
            }
        }
        return rules;
    }

    private static final Pattern WHEN_THEN = Pattern.compile("\\bwhen\\b(.*?)\\bthen\\b(.*?)^\\s*end\\s*$",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern FACT_TYPE = Pattern.compile("(?<![\\w.$])([A-Z]\\w*)\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[$\\w.]*[A-Za-z_]\\w*");
    private static final Set<String> FIXED_FACTS = Set.of("Library", "Evaluation", "Pairing");
    private static final Set<String> OPERATORS = Set.of("contains", "not", "in", "memberOf", "matches", "excludes",
            "soundslike", "null", "true", "false", "this");
    /** The profile's methods a rule may call, and the answer each reads. */
    private static final Map<String, String> PROFILE_METHODS = Map.of("hasDatabases", "databases", "weight", "priorities",
            "uses", "alreadyUses", "frames", "alreadyUses", "stack", "purpose", "requires", "constraints");

    /**
     * For each rule whose matches depend on the profile only through its own {@code Profile(...)}
     * patterns, the answers it reads: profile fields ({@code databases}), or single hard
     * constraints ({@code constraints.permissiveLicense}, from {@code requires("...")}). Such a
     * rule matches the same libraries for two profiles that agree on these answers, since the
     * other facts it may match (libraries, pairings, the evaluation date) do not change between
     * rankings. A rule this cannot read with certainty has no entry: one that matches facts other
     * rules derive, binds the profile as a whole ({@code $p : Profile}) and uses it elsewhere,
     * uses {@code from}, {@code accumulate}, {@code collect} or {@code eval}, or names something of
     * the profile this does not know. Read from the files as written, comments blanked.
     *
     * @param fields the profile's field names
     */
    public static Map<String, Set<String>> profileReads(List<SourceFile> files, Set<String> fields) {
        List<RuleText> rules = ruleTexts(files);
        Set<String> fixed = new HashSet<>(FIXED_FACTS);
        Map<String, Set<String>> reads = new HashMap<>();
        while (true) {
            for (RuleText rule : rules) {
                if (reads.containsKey(rule.name())) {
                    continue;   // more fixed facts only make more rules readable, never fewer
                }
                Matcher parts = WHEN_THEN.matcher(rule.code());
                if (parts.find()) {
                    Set<String> read = profileReads(parts.group(1), rule.text().substring(parts.start(1), parts.end(1)),
                            parts.group(2), rule.text().substring(parts.start(2), parts.end(2)), fields, fixed);
                    if (read != null) {
                        reads.put(rule.name(), Set.copyOf(read));
                    }
                }
            }
            Set<String> derivedFixed = derivedFixedFacts(rules, reads);
            if (fixed.containsAll(derivedFixed)) {
                return Map.copyOf(reads);
            }
            fixed.addAll(derivedFixed);
        }
    }

    private static final Pattern INSERT_NEW = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+([A-Z]\\w*)\\s*\\(");
    private static final Pattern ANY_INSERT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(");
    private static final Pattern CHANGES_FACTS = Pattern.compile("\\b(?:modify|update|delete|retract|drools|kcontext)\\b");

    /**
     * The fact types only rules that read nothing of the profile insert ({@code Activity}, from
     * the catalog and the evaluation date): a session derives them once, before any profile, so
     * they are as fixed as the catalog for the rules that match them. None when some consequence
     * inserts something other than {@code new Type(...)} or changes facts another way.
     */
    private static Set<String> derivedFixedFacts(List<RuleText> rules, Map<String, Set<String>> reads) {
        Map<String, Boolean> independent = new HashMap<>();
        for (RuleText rule : rules) {
            Matcher consequence = CONSEQUENCE.matcher(rule.code());
            if (!consequence.find()) {
                return Set.of();
            }
            String then = consequence.group(1);
            if (CHANGES_FACTS.matcher(then).find()) {
                return Set.of();
            }
            Matcher inserts = INSERT_NEW.matcher(then);
            int typed = 0;
            boolean readsNothing = Set.of().equals(reads.get(rule.name()));
            while (inserts.find()) {
                typed++;
                independent.merge(inserts.group(1), readsNothing, Boolean::logicalAnd);
            }
            Matcher any = ANY_INSERT.matcher(then);
            int all = 0;
            while (any.find()) {
                all++;
            }
            if (all != typed) {
                return Set.of();
            }
        }
        Set<String> derived = new HashSet<>();
        independent.forEach((type, always) -> {
            if (always && !type.equals("Profile")) {
                derived.add(type);
            }
        });
        return derived;
    }

    /** What one rule's conditions read of the profile, or null when that is not certain. */
    private static Set<String> profileReads(String when, String original, String then, String originalThen,
                                            Set<String> fields, Set<String> fixed) {
        if (AGGREGATES.matcher(when).find()
                || SESSION_CALLS.matcher(then).find()) {
            return null;
        }
        long absent = ABSENCE_OF_PROFILE.matcher(when).results().count();
        if (absent > 0 && (FORALL.matcher(when).find()
                || absent == FACT_TYPE.matcher(when).results().filter(type -> type.group(1).equals("Profile")).count())) {
            return null;   // may match while no profile is there: never fixed, never one set of answers
        }
        boolean from = FROM.matcher(when).find();
        if (from && FACT_TYPE.matcher(when).results().anyMatch(type -> type.group(1).equals("Profile"))) {
            return null;   // what a profile-bound source yields is not read here
        }
        Set<String> read = new HashSet<>();
        Matcher types = FACT_TYPE.matcher(when);
        while (types.find()) {
            String type = types.group(1);
            int open = types.end() - 1;
            int close = closing(when, open);
            if (close < 0) {
                return null;
            }
            if (type.equals("Profile")) {
                Matcher binding = BINDING.matcher(when.substring(0, types.start()));
                if (binding.find()) {
                    String name = binding.group(1);
                    String elsewhere = when.substring(0, binding.start()) + when.substring(close) + then;
                    String elsewhereOriginal = original.substring(0, binding.start()) + original.substring(close) + originalThen;
                    if (!boundReads(name, elsewhere, elsewhereOriginal, fields, read)) {
                        return null;
                    }
                }
                if (!readsOf(when.substring(open + 1, close), original.substring(open + 1, close), fields, read)) {
                    return null;
                }
            } else if (FROM_SOURCE.matcher(when).region(close + 1, when.length()).lookingAt()) {
                types.region(close + 1, when.length());   // matched against a fixed fact's own values, not the memory
            } else if (!fixed.contains(type)) {
                return null;
            }
        }
        return read;
    }

    private static final Pattern AGGREGATES = Pattern.compile("\\b(?:accumulate|collect|eval)\\b");
    private static final Pattern SESSION_CALLS = Pattern.compile("\\b(?:drools|kcontext)\\b");
    private static final Pattern FORALL = Pattern.compile("\\bforall\\b");
    private static final Pattern FROM = Pattern.compile("\\bfrom\\b");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*$");
    private static final Pattern CALL = Pattern.compile("\\G\\.(\\w+)\\s*\\(");
    private static final Pattern LITERAL_ARGUMENT = Pattern.compile("\\G\\s*\"(\\w+)\"\\s*\\)");
    private static final Pattern LITERAL_CALL = Pattern.compile("\\G\\s*\\(\\s*\"(\\w+)\"\\s*\\)");
    private static final Pattern ABSENCE_OF_PROFILE = Pattern.compile("\\b(?:not|exists|forall)\\b[\\s(]*(?:\\$\\w+\\s*:\\s*)?Profile\\s*\\(");

    /** {@code from $variable} or {@code from $variable.field}: values of a fact already matched. */
    private static final Pattern FROM_SOURCE = Pattern.compile("\\s*from\\s+\\$\\w+(?:\\.\\w+)*\\b(?!\\s*\\()");

    /**
     * Adds what a bound profile ({@code $p: Profile()}) is read for elsewhere in the rule; false
     * unless every use calls one of its answers or known methods ({@code $p.framework()},
     * {@code $p.uses("pydantic")}), so nothing else of it can be read.
     */
    private static boolean boundReads(String name, String code, String original, Set<String> fields, Set<String> read) {
        Matcher uses = Pattern.compile(Pattern.quote(name) + "\\b").matcher(code);
        Matcher call = CALL.matcher(code);
        Matcher literal = LITERAL_ARGUMENT.matcher(original);
        while (uses.find()) {
            if (!call.find(uses.end())) {
                return false;
            }
            String method = call.group(1);
            if (fields.contains(method)) {
                read.add(method);
            } else if (PROFILE_METHODS.containsKey(method)) {
                String field = PROFILE_METHODS.get(method);
                read.add(field.equals("constraints") && literal.find(call.end()) ? field + "." + literal.group(1) : field);
            } else {
                return false;
            }
        }
        return true;
    }

    /** Adds what a Profile pattern's constraints read; false when something in them is not known. */
    private static boolean readsOf(String constraints, String original, Set<String> fields, Set<String> read) {
        Matcher identifiers = IDENTIFIER.matcher(constraints);
        while (identifiers.find()) {
            String word = identifiers.group();
            if (word.startsWith("$") || word.contains(".") && fields.contains(word.substring(0, word.indexOf('.')))) {
                if (!word.startsWith("$")) {
                    read.add(word.substring(0, word.indexOf('.')));   // databases.size()
                }
                continue;
            }
            if (word.startsWith(".")) {
                continue;   // a member of a value read just before it: frames().size()
            }
            if (word.contains(".") || Character.isDigit(word.charAt(0))) {
                return false;
            }
            if (fields.contains(word)) {
                read.add(word);
            } else if (PROFILE_METHODS.containsKey(word)) {
                String field = PROFILE_METHODS.get(word);
                Matcher literal = LITERAL_CALL.matcher(original);
                read.add(field.equals("constraints") && literal.find(identifiers.end()) ? field + "." + literal.group(1) : field);
            } else if (!OPERATORS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The offset of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The text with every comment and string or character literal replaced by spaces, offsets kept. */
    static String blankCommentsAndStrings(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            int end;
            if (c == '/' && i + 1 < out.length && out[i + 1] == '/') {
                end = text.indexOf('\n', i);
                end = end < 0 ? out.length : end;
            } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? out.length : end + 2;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < out.length && out[end] != c && out[end] != '\n') {
                    end += out[end] == '\\' ? 2 : 1;
                }
                end = Math.min(out.length, end + 1);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out[k] != '\n') {
                    out[k] = ' ';
                }
            }
            i = end;
        }
        return new String(out);
    }

    /** The rule names of compiled packages, sorted. */
    public static List<String> ruleNames(Collection<KiePackage> packages) {
        return packages.stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).sorted().toList();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String describe(KnowledgeBuilderResult result) {
        String file = result.getResource() == null ? "rules" : result.getResource().getSourcePath();
        int[] lines = result.getLines();
        String line = lines != null && lines.length > 0 && lines[0] > 0 ? ":" + lines[0] : "";
        String message = result.getMessage() == null ? "" : result.getMessage().replaceAll("\\s+", " ").strip();
        if (message.length() > 240) {
            message = message.substring(0, 240) + "...";
        }
        return file + line + ": " + message;
    }
}
