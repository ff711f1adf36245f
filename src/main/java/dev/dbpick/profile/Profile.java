package dev.dbpick.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dbpick.questionnaire.QuestionType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A requirements profile as understood: every field present, defaults filled in, every value
 * among the choices of {@code data/questionnaire.yaml}. Build one with {@link ProfileReader}.
 *
 * <p>Rules match on it, e.g. {@code Profile(async == "required")} or
 * {@code Profile(databases contains "postgresql")}; constraints read
 * {@code Profile(requires("permissiveLicense"))} and priorities {@code Profile(weight("performance") > 0)}.
 */
@JsonPropertyOrder({"purpose", "databases", "async", "deployment", "sharedBy", "python", "framework", "workload",
    "alreadyUses", "priorities", "constraints"})
public record Profile(
        String purpose,
        List<String> databases,
        String async,
        String deployment,
        String sharedBy,
        String python,
        String framework,
        String workload,
        List<String> alreadyUses,
        List<String> priorities,
        Map<String, Boolean> constraints) {

    /** The data-frame tools among {@code alreadyUses}. */
    public static final List<String> FRAMES = List.of("pandas", "polars", "arrow");

    /** The contract (version 2): each field and the shape of its value, in document order. */
    public static final Map<String, QuestionType> FIELDS = fields();

    public Profile {
        databases = List.copyOf(databases);
        alreadyUses = List.copyOf(alreadyUses);
        priorities = List.copyOf(priorities);
        constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
    }

    /** True when the named hard constraint is switched on. */
    public boolean requires(String constraint) {
        return Boolean.TRUE.equals(constraints.get(constraint));
    }

    /** True when the profile names at least one database. */
    public boolean hasDatabases() {
        return !databases.isEmpty();
    }

    /**
     * How much a priority counts: 3 for the first listed, 2 for the second, 1 for the third,
     * 0 when it is not listed. Rules scale a line's points by it.
     */
    public int weight(String priority) {
        int index = priorities.indexOf(priority);
        return index < 0 ? 0 : Math.max(1, 3 - index);
    }

    /** True when the code already uses the given tool ({@code pydantic}, {@code pandas}, ...). */
    public boolean uses(String tool) {
        return alreadyUses.contains(tool);
    }

    /** The same answers for one database only: how a whole data layer is ranked, database by database. */
    public Profile forDatabase(String database) {
        return new Profile(purpose, List.of(database), async, deployment, sharedBy, python, framework, workload, alreadyUses,
                priorities, constraints);
    }

    /** True for a whole data layer: one pick per chosen database. */
    public boolean stack() {
        return "stack".equals(purpose);
    }

    /** The data-frame tools (pandas, Polars, Arrow) the code already uses. */
    public List<String> frames() {
        if (alreadyUses.isEmpty()) {
            return List.of();   // rules ask this of every ranking
        }
        return alreadyUses.stream().filter(FRAMES::contains).toList();
    }

    private static Map<String, QuestionType> fields() {
        Map<String, QuestionType> fields = new LinkedHashMap<>();
        fields.put("purpose", QuestionType.SINGLE);
        fields.put("databases", QuestionType.MULTIPLE);
        fields.put("async", QuestionType.SINGLE);
        fields.put("deployment", QuestionType.SINGLE);
        fields.put("sharedBy", QuestionType.SINGLE);
        fields.put("python", QuestionType.SINGLE);
        fields.put("framework", QuestionType.SINGLE);
        fields.put("workload", QuestionType.SINGLE);
        fields.put("alreadyUses", QuestionType.MULTIPLE);
        fields.put("priorities", QuestionType.MULTIPLE);
        fields.put("constraints", QuestionType.FLAGS);
        return Collections.unmodifiableMap(fields);
    }
}
