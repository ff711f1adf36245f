package dev.dbpick.knowledge;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a rule consequence (or a DRL function) may do, by JVM name: the allowlist
 * {@link ConsequenceCheck} holds compiled rule code to. Rules derive facts, so their code may
 * build dbpick's derived facts, insert them, read the facts it matched and compute with strings,
 * numbers and collections; nothing else (no I/O, no threads, no reflection, no exit). The same
 * list is documented in rules/README.md, "What a consequence may do".
 */
final class ConsequencePolicy {

    /** Largest array a consequence may allocate (varargs of a call such as {@code List.of(...)}). */
    static final int MAX_ARRAY = 64;

    /** The facts rules insert: the only types a consequence may construct, besides text builders. */
    static final Set<String> DERIVED_FACTS = Set.of("dev/dbpick/recommendation/Score", "dev/dbpick/recommendation/Exclusion",
            "dev/dbpick/recommendation/Caution", "dev/dbpick/recommendation/Activity", "dev/dbpick/recommendation/PairingScore");

    /** Where consequences put what they derive: {@code insert(...)} and its hand-off. */
    static final Set<String> SINKS = Set.of(
            "org/drools/core/rule/consequence/KnowledgeHelper.insert(Ljava/lang/Object;)Lorg/kie/api/runtime/rule/FactHandle;",
            "dev/dbpick/recommendation/Derivations.add(Lorg/kie/api/runtime/rule/RuleContext;Ljava/lang/Object;)V");

    /** dbpick's facts: any public instance method (accessors and the documented helpers), no static one but these. */
    private static final Set<Class<?>> FACTS = Set.of(dev.dbpick.catalog.Library.class, dev.dbpick.profile.Profile.class,
            dev.dbpick.recommendation.Evaluation.class, dev.dbpick.recommendation.Pairing.class,
            dev.dbpick.recommendation.Activity.class, dev.dbpick.recommendation.Score.class,
            dev.dbpick.recommendation.Exclusion.class, dev.dbpick.recommendation.Caution.class,
            dev.dbpick.recommendation.PairingScore.class, dev.dbpick.recommendation.AppliesTo.class);
    private static final Set<String> FACT_STATICS = Set.of("dev/dbpick/recommendation/Evaluation.span");

    private static final Set<String> NUMBER_METHODS = Set.of("valueOf", "intValue", "longValue", "doubleValue", "floatValue",
            "shortValue", "byteValue", "booleanValue", "charValue", "compare", "compareTo", "equals", "hashCode", "toString",
            "min", "max", "sum", "signum", "abs", "parseInt", "parseLong", "parseDouble", "parseFloat", "parseBoolean",
            "isDigit", "isLetter", "isWhitespace", "isUpperCase", "isLowerCase", "toUpperCase", "toLowerCase");

    /** Methods by owner; regular expressions, {@code String.repeat}, {@code format} and {@code intern} are left out. */
    private static final Map<String, Set<String>> LIBRARY = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("equals", "hashCode", "toString")),
            Map.entry("java/lang/String", Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "indexOf",
                    "lastIndexOf", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo",
                    "compareToIgnoreCase", "toLowerCase", "toUpperCase", "strip", "stripLeading", "stripTrailing", "trim",
                    "replace", "concat", "valueOf", "join", "hashCode", "toString")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "isEmpty", "toString")),
            Map.entry("java/lang/StringBuilder", Set.of("append", "toString", "length")),
            Map.entry("java/lang/Math", Set.of("min", "max", "abs", "floorDiv", "floorMod", "round", "floor", "ceil", "signum",
                    "addExact", "subtractExact", "multiplyExact", "negateExact", "toIntExact")),
            Map.entry("java/lang/Integer", NUMBER_METHODS),
            Map.entry("java/lang/Long", NUMBER_METHODS),
            Map.entry("java/lang/Double", NUMBER_METHODS),
            Map.entry("java/lang/Float", NUMBER_METHODS),
            Map.entry("java/lang/Short", NUMBER_METHODS),
            Map.entry("java/lang/Byte", NUMBER_METHODS),
            Map.entry("java/lang/Boolean", NUMBER_METHODS),
            Map.entry("java/lang/Character", NUMBER_METHODS),
            Map.entry("java/lang/Number", NUMBER_METHODS),
            Map.entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "isNull", "nonNull", "toString",
                    "requireNonNullElse")),
            Map.entry("java/util/Collection", Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode", "toString")),
            Map.entry("java/util/List", Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf", "lastIndexOf",
                    "subList", "of", "copyOf", "equals", "hashCode", "toString")),
            Map.entry("java/util/Set", Set.of("size", "isEmpty", "contains", "containsAll", "of", "copyOf", "equals", "hashCode",
                    "toString")),
            Map.entry("java/util/Map", Set.of("size", "isEmpty", "containsKey", "containsValue", "get", "getOrDefault", "of",
                    "keySet", "values", "equals", "hashCode", "toString")),
            Map.entry("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap", "singletonList", "singleton",
                    "unmodifiableList", "unmodifiableSet", "unmodifiableMap")));

    /** Constructors besides the derived facts': text builders, empty or from a string (never with a capacity). */
    private static final Set<String> CONSTRUCTORS = Set.of("java/lang/StringBuilder.()V",
            "java/lang/StringBuilder.(Ljava/lang/String;)V");

    private static final Map<String, Set<String>> FACT_METHODS = factMethods();

    private ConsequencePolicy() {
    }

    /** Whether code may call {@code owner.name} (JVM names) other than a constructor or a sink. */
    static boolean mayCall(String owner, String name, boolean isStatic) {
        Set<String> facts = FACT_METHODS.get(owner);
        if (facts != null) {
            return isStatic ? FACT_STATICS.contains(owner + "." + name) : facts.contains(name);
        }
        Set<String> methods = LIBRARY.get(owner);
        return methods != null && methods.contains(name);
    }

    /** Whether code may construct an {@code owner} with the constructor of descriptor {@code descriptor}. */
    static boolean mayConstruct(String owner, String descriptor) {
        return DERIVED_FACTS.contains(owner) || CONSTRUCTORS.contains(owner + "." + descriptor);
    }

    /** Whether code may write {@code new owner} (the constructor is checked when it is called). */
    static boolean mayAllocate(String owner) {
        return DERIVED_FACTS.contains(owner) || owner.equals("java/lang/StringBuilder");
    }

    /** Whether code may read a static or instance field of {@code owner} (constants such as {@code Integer.MAX_VALUE}). */
    static boolean mayReadFieldOf(String owner) {
        return FACT_METHODS.containsKey(owner) || LIBRARY.containsKey(owner) && !owner.equals("java/lang/Object");
    }

    /** A JVM name as Java writes it: {@code java/lang/System} is {@code java.lang.System}. */
    static String javaName(String owner) {
        if (owner.equals("org/drools/core/rule/consequence/KnowledgeHelper") || owner.equals("org/kie/api/runtime/rule/RuleContext")) {
            return "drools";
        }
        return owner.replace('/', '.').replace('$', '.');
    }

    /** Each fact type and its nested records (the catalog's parts), with their public instance methods. */
    private static Map<String, Set<String>> factMethods() {
        Map<String, Set<String>> methods = new HashMap<>();
        for (Class<?> fact : FACTS) {
            add(fact, methods);
            for (Class<?> nested : fact.getDeclaredClasses()) {
                if (nested.isRecord() && Modifier.isPublic(nested.getModifiers())) {
                    add(nested, methods);
                }
            }
        }
        return Map.copyOf(methods);
    }

    private static void add(Class<?> type, Map<String, Set<String>> methods) {
        Set<String> names = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                names.add(method.getName());   // static ones are told apart by mayCall
            }
        }
        methods.put(type.getName().replace('.', '/'), Set.copyOf(names));
    }
}
