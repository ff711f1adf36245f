package dev.dbpick.knowledge;

import dev.dbpick.support.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;

/**
 * Compiled rules: the knowledge base every session is made from, the rule names, where each
 * rule is declared ({@code file:line}), the compiler's warnings, the files compiled, the rules
 * that only add score lines and cautions ({@link RuleCompiler#lineRules}), and the answers each
 * rule reads of the profile, where that is certain ({@link RuleCompiler#profileReads}).
 */
public record Rules(KieBase kieBase, List<String> names, Map<String, String> locations, List<String> warnings,
                    List<SourceFile> files, Set<String> lineRules, Map<String, Set<String>> profileReads) {

    public Rules {
        names = List.copyOf(names);
        locations = Map.copyOf(locations);
        warnings = List.copyOf(warnings);
        files = List.copyOf(files);
        lineRules = Set.copyOf(lineRules);
        profileReads = Map.copyOf(profileReads);
    }

    /**
     * Compiles the {@code *.drl} files of a rules folder and of the team's layer on it, reusing a
     * cached compilation of the same files when {@code cache} has one.
     */
    public static Rules compile(KnowledgeFolder folder, CompiledRulesCache cache) {
        List<SourceFile> files = folder.layered("", ".drl");
        RuleCompiler.Compiled compiled;
        RuleCompiler.Analyses analyses;
        var cached = cache.load(files);
        if (cached.isPresent()) {
            compiled = new RuleCompiler.Compiled(cached.get().packages(), List.of());
            analyses = cached.get().analyses();
        } else {
            compiled = RuleCompiler.compile(files);
            analyses = RuleCompiler.Analyses.of(files);
            if (compiled.warnings().isEmpty()) {
                cache.store(files, compiled.packages(), analyses);
            }
        }
        KieBase kieBase = RuleCompiler.newKieBase(compiled.packages(), analyses.resultRules(), analyses.profileReads(),
                analyses.exclusionRules());
        if (cached.isPresent()) {
            // An entry is only stored after the check passed; checked again all the same, once the
            // knowledge base has tied each rule to its consequence's class, with the rules'
            // locations the entry keeps (scanning the files for them took a third of the check).
            RuleCompiler.checkConsequences(kieBase.getKiePackages(), files, analyses.locations());
        }
        return new Rules(kieBase, RuleCompiler.ruleNames(compiled.packages()),
                analyses.locations(), compiled.warnings(), files, analyses.lineRules(), analyses.profileReads());
    }

    /** Where a rule is declared, e.g. {@code rules/async.drl:12}; the rules folder when unknown. */
    public String location(String rule) {
        return locations.getOrDefault(rule, "rules");
    }
}
