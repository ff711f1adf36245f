package dev.dbpick.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Function;
import org.drools.base.rule.LineMappings;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.mvel.asm.InvokerDataProvider;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import dev.dbpick.support.SourceFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds compiled rule code to what rules are for. Drools has no sandbox: a consequence is Java,
 * and could exit the JVM, loop forever or allocate the heap away for some rare profile that no
 * scenario tries. So after compiling, every method of every rule's generated class (its
 * consequence, named consequences and {@code eval}s) and of every DRL function is read as
 * bytecode and refused, with file, line and rule name, when it
 * <ul>
 *   <li>calls anything outside {@link ConsequencePolicy} (inserting dbpick's derived facts, the
 *       facts' accessors and helpers, {@code String}, boxed-number and {@code Math} operations,
 *       reading {@code java.util} collections, DRL functions);</li>
 *   <li>contains a backward branch (any loop), or a function is recursive;</li>
 *   <li>allocates an array whose size is not a constant of at most {@value ConsequencePolicy#MAX_ARRAY};</li>
 *   <li>constructs, locks, writes fields, names a class ({@code X.class}) or makes a lambda;</li>
 *   <li>is not Java at all (an {@code mvel}-dialect consequence cannot be inspected) or declares
 *       a class of its own.</li>
 * </ul>
 * Conditions are left as they are: constraints cannot loop, and run through MVEL.
 */
public final class ConsequenceCheck {

    private static final String INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";
    /** Key prefix of a function's declaration in the locations map (rule names cannot hold a line break). */
    private static final String FUNCTION = "\nfunction ";
    private static final Pattern FUNCTION_DECLARATION = Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\],?\\s]+?\\s(\\w+)\\s*\\(",
            Pattern.MULTILINE);

    private ConsequenceCheck() {
    }

    /**
     * One line per refused rule or function, {@code file:line: rule "name" ...}, naming the first
     * thing refused in it; empty when all pass.
     *
     * @param files the rule files compiled, for where rules and functions are declared
     */
    public static List<String> problems(Collection<KiePackage> packages, List<SourceFile> files) {
        return problems(packages, files, RuleCompiler.locations(files));
    }

    /**
     * As {@link #problems(Collection, List)}, with where each rule is declared already known
     * ({@link RuleCompiler#locations}), as a compiled-rules cache entry keeps it.
     */
    static List<String> problems(Collection<KiePackage> packages, List<SourceFile> files, Map<String, String> ruleLocations) {
        Map<String, String> locations = new HashMap<>(ruleLocations);
        Map<String, String> declared = functionLocations(files);
        Map<String, Function> functions = new HashMap<>();
        for (KiePackage p : packages) {
            for (Function f : ((KnowledgePackageImpl) p).getFunctions().values()) {
                functions.put(f.getClassName().replace('.', '/'), f);
                locations.putIfAbsent(FUNCTION + f.getName(), declared.getOrDefault(f.getName(), "rules"));
            }
        }
        Set<String> problems = new LinkedHashSet<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (KiePackage p : packages) {
            KnowledgePackageImpl pkg = (KnowledgePackageImpl) p;
            Map<String, byte[]> store = store(pkg);
            Map<String, RuleImpl> ruleClasses = new HashMap<>();
            for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                if (!(rule.getConsequence() instanceof InvokerDataProvider invoker)) {
                    problems.add(locations.getOrDefault(rule.getName(), source(rule.getResource())) + ": rule \"" + rule.getName() + "\" has a consequence in the "
                            + rule.getDialect() + " dialect, which cannot be inspected; write it in Java (the default dialect)");
                    continue;
                }
                ruleClasses.put(invoker.getInternalRuleClassName(), rule);
            }
            for (Map.Entry<String, byte[]> entry : store.entrySet()) {
                String name = entry.getKey().replaceAll("\\.class$", "");
                Origin origin = origin(name, ruleClasses, functions, pkg, locations);
                if (origin == null) {
                    continue;
                }
                ClassReader reader = new ClassReader(entry.getValue());
                if (origin.nested() && !implementsInvoker(reader)) {
                    problems.add(origin.location(0) + ": " + origin.what() + " declares a class of its own ("
                            + reader.getClassName().substring(reader.getClassName().lastIndexOf('/') + 1)
                            + "); consequences only insert facts");
                } else if (!origin.nested()) {
                    Inspector inspector = new Inspector(origin, functions.keySet());
                    reader.accept(inspector, 0);
                    inspector.problems().stream().findFirst().ifPresent(problems::add);
                    if (origin.function() != null) {
                        calls.put(name, inspector.functionCalls());
                    }
                }
            }
        }
        problems.addAll(recursion(calls, functions, locations));
        return List.copyOf(problems);
    }

    private static Map<String, byte[]> store(KnowledgePackageImpl pkg) {
        var data = pkg.getDialectRuntimeRegistry().getDialectData("java");
        return data instanceof JavaDialectRuntimeData java ? java.getStore() : Map.of();
    }

    /**
     * Whose code a generated class holds: a rule's, a function's, or a class one of them nests
     * ({@code nested}); null for the engine's own invokers and anything else it generated.
     */
    private static Origin origin(String name, Map<String, RuleImpl> rules, Map<String, Function> functions,
                                 KnowledgePackageImpl pkg, Map<String, String> locations) {
        LineMappings mappings = pkg.getDialectRuntimeRegistry().getLineMappings(name.replace('/', '.'));
        if (rules.containsKey(name)) {
            return new Origin(rules.get(name), null, mappings, false, locations.get(rules.get(name).getName()));
        }
        if (functions.containsKey(name)) {
            Function f = functions.get(name);
            return new Origin(null, f, mappings, false, locations.get(FUNCTION + f.getName()));
        }
        String outer = null;
        for (String candidate : rules.keySet()) {
            if (name.startsWith(candidate) && (outer == null || candidate.length() > outer.length())) {
                outer = candidate;
            }
        }
        for (String candidate : functions.keySet()) {
            if (name.startsWith(candidate + "$") && (outer == null || candidate.length() > outer.length())) {
                outer = candidate;
            }
        }
        if (outer == null) {
            return null;
        }
        LineMappings outerMappings = pkg.getDialectRuntimeRegistry().getLineMappings(outer.replace('/', '.'));
        RuleImpl rule = rules.get(outer);
        Function f = functions.get(outer);
        return new Origin(rule, f, outerMappings, true, locations.get(rule != null ? rule.getName() : FUNCTION + f.getName()));
    }

    private static boolean implementsInvoker(ClassReader reader) {
        return List.of(reader.getInterfaces()).contains(INVOKER);
    }

    /** A recursive function has no bound on its depth, like a loop: refused, with the cycle. */
    private static List<String> recursion(Map<String, Set<String>> calls, Map<String, Function> functions,
                                          Map<String, String> locations) {
        List<String> problems = new ArrayList<>();
        for (String start : calls.keySet()) {
            List<String> path = cycle(start, start, calls, new HashSet<>(), new ArrayList<>());
            if (path != null) {
                Function f = functions.get(start);
                String through = path.size() <= 1 ? "itself" : "itself through "
                        + String.join(", ", path.subList(1, path.size()).stream().map(c -> functions.get(c).getName()).toList());
                problems.add(locations.get(FUNCTION + f.getName()) + ": function " + f.getName() + " calls " + through
                        + ": recursion, like a loop, has no bound; rules may not recurse");
            }
        }
        return problems;
    }

    private static List<String> cycle(String start, String at, Map<String, Set<String>> calls, Set<String> seen, List<String> path) {
        path.add(at);
        for (String next : calls.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                return path;
            }
            if (seen.add(next)) {
                List<String> found = cycle(start, next, calls, seen, path);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** Where each function is declared, {@code file:line}, by name. */
    private static Map<String, String> functionLocations(List<SourceFile> files) {
        Map<String, String> found = new HashMap<>();
        for (SourceFile file : files) {
            String code = RuleCompiler.blankCommentsAndStrings(file.text());
            Matcher m = FUNCTION_DECLARATION.matcher(code);
            while (m.find()) {
                found.putIfAbsent(m.group(1), file.name() + ":" + (code.substring(0, m.start(1)).split("\n", -1).length));
            }
        }
        return found;
    }

    private static String source(org.kie.api.io.Resource resource) {
        return resource == null || resource.getSourcePath() == null ? "rules" : resource.getSourcePath();
    }

    /**
     * The rule or function whose code a class holds, and how its Java lines map back to the DRL
     * file: Drools writes the code from the line after {@code startLine - offset} of the
     * generated source, three lines of its own before the first line of the consequence.
     */
    record Origin(RuleImpl rule, Function function, LineMappings mappings, boolean nested, String declared) {

        String what() {
            return rule != null ? "rule \"" + rule.getName() + "\"" : "function " + function.getName();
        }

        String file() {
            String file = declared == null ? "rules" : declared.replaceAll(":\\d+$", "");
            return rule != null && rule.getResource() != null ? source(rule.getResource()) : file;
        }

        /** {@code file:line} for a line of the generated Java; where the rule is declared when it cannot be mapped. */
        String location(int javaLine) {
            String fallback = declared != null ? declared : file();
            if (mappings == null || javaLine <= 0) {
                return fallback;
            }
            int line = mappings.getStartLine() + javaLine - mappings.getOffset() - (rule != null ? 3 : 0);
            return line > 0 ? file() + ":" + line : fallback;
        }
    }

    /** Reads one generated class; see {@link MethodInspector} for what is refused. */
    private static final class Inspector extends ClassVisitor {

        private final Origin origin;
        private final Set<String> functionClasses;
        private final Set<String> problems = new LinkedHashSet<>();
        private final Set<String> functionCalls = new HashSet<>();

        Inspector(Origin origin, Set<String> functionClasses) {
            super(Opcodes.ASM9);
            this.origin = origin;
            this.functionClasses = functionClasses;
        }

        @Override
        public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                           String[] exceptions) {
            return new MethodInspector(name, origin, functionClasses, problems, functionCalls);
        }

        List<String> problems() {
            return List.copyOf(problems);
        }

        Set<String> functionCalls() {
            return functionCalls;
        }
    }
}
