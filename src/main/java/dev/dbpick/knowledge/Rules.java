package dev.dbpick.knowledge;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Compiled rules: the knowledge base, a pool of reusable sessions made from it (thread-safe;
 * a disposed session is reset and returned), the rule names, the compiler's warnings, and the
 * files compiled.
 */
public record Rules(KieBase kieBase, KieSessionsPool sessions, List<String> names, List<String> warnings,
                    List<SourceFile> files) {

    public Rules {
        names = List.copyOf(names);
        warnings = List.copyOf(warnings);
        files = List.copyOf(files);
    }

    Rules(KieBase kieBase, List<String> names, List<String> warnings, List<SourceFile> files) {
        this(kieBase, kieBase.newKieSessionsPool(2), names, warnings, files);
    }

    /**
     * Compiles the {@code *.drl} files of a rules folder, reusing a cached compilation of the
     * same files when {@code cache} has one.
     */
    public static Rules compile(KnowledgeFolder folder, CompiledRulesCache cache) {
        List<SourceFile> files = folder.read("", ".drl");
        var cached = cache.load(files);
        if (cached.isPresent()) {
            return new Rules(RuleCompiler.newKieBase(cached.get()), RuleCompiler.ruleNames(cached.get()), List.of(), files);
        }
        RuleCompiler.Compiled compiled = RuleCompiler.compile(files);
        if (compiled.warnings().isEmpty()) {
            cache.store(files, compiled.packages());
        }
        return new Rules(RuleCompiler.newKieBase(compiled.packages()),
                RuleCompiler.ruleNames(compiled.packages()), compiled.warnings(), files);
    }
}
