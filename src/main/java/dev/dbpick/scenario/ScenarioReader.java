package dev.dbpick.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.support.SourceFile;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import dev.dbpick.support.Suggestions;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code rules/scenarios/*.yaml}. A scenario that names an unknown library, field or
 * value is a knowledge error, reported with the file and the scenario.
 *
 * <p>The blind expert panel's cases live under {@code rules/scenarios/panel/} (see {@link Panel}):
 * they are measured, not enforced, so {@link #read} leaves them out and {@link #readPanel} reads
 * one share of them, naming libraries the catalog may not hold yet.
 */
public final class ScenarioReader {

    private static final Set<String> EXPECTATIONS = Set.of("top", "inTop", "notInTop", "fits", "poorFits", "excluded", "above",
            "fired", "stack");
    private static final List<String> FIELDS = List.of("name", "asOf", "profile", "expect", "story", "because", "note");
    private static final List<String> FILE_KEYS = List.of("asOf", "scenarios", "panel");
    /** The panel's folder inside {@code rules/}; the gate and {@code rules test} do not run it. */
    public static final String PANEL_FOLDER = "scenarios/panel/";

    private final Catalog catalog;
    private final ProfileReader profiles;
    private final boolean unknownIdsAllowed;

    public ScenarioReader(Catalog catalog, Questionnaire questionnaire) {
        this(catalog, questionnaire, false);
    }

    private ScenarioReader(Catalog catalog, Questionnaire questionnaire, boolean unknownIdsAllowed) {
        this.catalog = catalog;
        this.profiles = new ProfileReader(questionnaire);
        this.unknownIdsAllowed = unknownIdsAllowed;
    }

    /** The enforced scenarios: every file under {@code rules/scenarios/} outside the panel's folder. */
    public List<Scenario> read(KnowledgeFolder rules) {
        return read(rules.read("scenarios", ".yaml").stream().filter(f -> !f.path().startsWith(PANEL_FOLDER)).toList());
    }

    /**
     * One share of the panel ({@code rules/scenarios/panel/SHARE/}). A library the catalog does not
     * hold is kept: the expert expected it, and the ranking cannot place it, which counts against
     * the knowledge instead of stopping the measurement.
     */
    public static List<Scenario> readPanel(Catalog catalog, Questionnaire questionnaire, KnowledgeFolder rules, String share) {
        return new ScenarioReader(catalog, questionnaire, true).read(rules.read(PANEL_FOLDER + share, ".yaml"));
    }

    private List<Scenario> read(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SourceFile file : files) {
            for (Scenario scenario : readFile(file, problems)) {
                if (!names.add(scenario.name())) {
                    problems.add(file.name() + ": scenario \"" + scenario.name() + "\" is defined twice");
                }
                scenarios.add(scenario);
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems.size() + " problem(s) in the scenarios", problems);
        }
        return scenarios;
    }

    private List<Scenario> readFile(SourceFile file, List<String> problems) {
        JsonNode root;
        try {
            root = Mappers.yaml().readTree(file.content());
        } catch (IOException e) {
            problems.add(file.name() + ": " + e.getMessage().lines().findFirst().orElse(""));
            return List.of();
        }
        JsonNode list = root == null ? null : root.get("scenarios");
        if (list == null || !list.isArray()) {
            problems.add(file.name() + ": expected \"scenarios:\", a list");
            return List.of();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!FILE_KEYS.contains(key)) {
                problems.add(file.name() + ": unknown key \"" + key + "\"" + Suggestions.didYouMean(key, FILE_KEYS)
                        + "; allowed: " + String.join(", ", FILE_KEYS));
            }
        }
        LocalDate fileDate;
        try {
            fileDate = date(root.get("asOf"));
        } catch (IllegalArgumentException e) {
            problems.add(file.name() + ": " + e.getMessage());
            return List.of();
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = file.name() + ": scenario " + (i + 1)
                    + (node.hasNonNull("name") ? " (" + node.get("name").asText() + ")" : "");
            try {
                scenarios.add(scenario(node, file.name(), fileDate));
            } catch (IllegalArgumentException | ProfileException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return scenarios;
    }

    private Scenario scenario(JsonNode node, String source, LocalDate fileDate) {
        if (!node.hasNonNull("name") || !node.get("name").isTextual()) {
            throw new IllegalArgumentException("needs a name");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field \"" + field + "\"" + Suggestions.didYouMean(field, FIELDS)
                        + "; allowed: " + String.join(", ", FIELDS));
            }
        }
        LocalDate asOf = node.has("asOf") ? date(node.get("asOf")) : fileDate;
        if (asOf == null) {
            throw new IllegalArgumentException("needs an evaluation date so it does not rot: \"asOf: YYYY-MM-DD\" at the"
                    + " top of the file or in the scenario");
        }
        JsonNode profileNode = node.get("profile");
        if (!(profileNode instanceof ObjectNode profileObject)) {
            throw new IllegalArgumentException("needs a profile (an object; {} for all defaults)");
        }
        Profile profile = profiles.validate(profileObject);
        JsonNode expect = node.get("expect");
        if (expect == null || !expect.isObject() || expect.isEmpty()) {
            throw new IllegalArgumentException("needs expectations under \"expect\": " + String.join(", ", EXPECTATIONS));
        }
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!EXPECTATIONS.contains(field)) {
                throw new IllegalArgumentException("unknown expectation \"" + field + "\"" + Suggestions.didYouMean(field, EXPECTATIONS)
                        + "; allowed: " + String.join(", ", EXPECTATIONS.stream().sorted().toList()));
            }
        }
        Map<Integer, List<String>> inTop = ranks(expect, "inTop");
        Map<Integer, List<String>> notInTop = ranks(expect, "notInTop");
        List<Scenario.Order> above = new ArrayList<>();
        for (String pair : strings(expect.get("above"))) {
            String[] parts = pair.split(">");
            if (parts.length != 2) {
                throw new IllegalArgumentException("\"above\" entries read \"a > b\", not \"" + pair + "\"");
            }
            above.add(new Scenario.Order(id(parts[0].strip()), id(parts[1].strip())));
        }
        Map<String, Scenario.StackPick> stack = new LinkedHashMap<>();
        if (expect.has("stack")) {
            if (!profile.stack()) {
                throw new IllegalArgumentException("\"stack\" expectations need purpose: stack in the profile");
            }
            if (!expect.get("stack").isObject()) {
                throw new IllegalArgumentException("\"stack\" maps each database to {pick: id, runsOn: id or none}");
            }
            expect.get("stack").fields().forEachRemaining(e -> stack.put(e.getKey(), stackPick(e.getKey(), e.getValue(), profile)));
        } else if (profile.stack()) {
            throw new IllegalArgumentException("a whole data layer (purpose: stack) is checked with \"stack\" expectations");
        }
        if (profile.stack() && expect.size() > (expect.has("fired") ? 2 : 1)) {
            throw new IllegalArgumentException("a whole data layer takes only \"stack\" and \"fired\" expectations");
        }
        return new Scenario(node.get("name").asText(), source, asOf, profile, ids(expect.get("top")), inTop, notInTop,
                ids(expect.get("fits")), ids(expect.get("poorFits")), ids(expect.get("excluded")), above,
                strings(expect.get("fired")), stack);
    }

    /** {@code inTop} or {@code notInTop}: for each rank k, the ids it names. */
    private Map<Integer, List<String>> ranks(JsonNode expect, String field) {
        Map<Integer, List<String>> ranks = new LinkedHashMap<>();
        if (expect.has(field)) {
            expect.get(field).fields().forEachRemaining(e -> {
                int k;
                try {
                    k = Integer.parseInt(e.getKey());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(field + " keys are ranks (1, 3, 5, ...), not \"" + e.getKey() + "\"");
                }
                ranks.put(k, ids(e.getValue()));
            });
        }
        return ranks;
    }

    private Scenario.StackPick stackPick(String database, JsonNode node, Profile profile) {
        if (!profile.databases().contains(database)) {
            throw new IllegalArgumentException("\"stack\": " + database + " is not one of the profile's databases");
        }
        if (!node.isObject() || !node.has("pick")) {
            throw new IllegalArgumentException("\"stack." + database + "\" needs a pick: {pick: id, runsOn: id or none}");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!Set.of("pick", "runsOn").contains(field)) {
                throw new IllegalArgumentException("\"stack." + database + "\": unknown field \"" + field + "\"; allowed: pick, runsOn");
            }
        });
        List<String> runsOn = strings(node.get("runsOn")).stream()
                .map(id -> Scenario.StackPick.NONE.equals(id) ? id : id(id)).toList();
        return new Scenario.StackPick(ids(node.get("pick")), runsOn);
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return dev.dbpick.recommendation.Evaluation.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"asOf\" " + e.getMessage() + ", got \"" + node.asText() + "\"");
        }
    }

    private List<String> ids(JsonNode node) {
        return strings(node).stream().map(this::id).toList();
    }

    private String id(String id) {
        if (!unknownIdsAllowed && catalog.find(id).isEmpty()) {
            throw new IllegalArgumentException("unknown library \"" + id + "\"");
        }
        return id;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a name or a list of names, got " + node);
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
