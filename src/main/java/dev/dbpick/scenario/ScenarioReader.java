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
    private static final String SUPERSEDES = "supersedes";
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

    /**
     * The enforced scenarios: every file under {@code rules/scenarios/} outside the panel's folder,
     * less those a team supersedes, then the team's ({@link #readWithTeam}).
     */
    public List<Scenario> read(KnowledgeFolder rules) {
        return readWithTeam(rules).run();
    }

    /**
     * The scenarios to run and the bundled scenarios a team supersedes: the bundled files, then
     * those of the team's {@code rules/scenarios/} when a team's layer is on {@code rules}. A team
     * entry with {@code supersedes: NAME} and {@code because: WHY} withdraws the bundled scenario
     * of that name (and, with a name, profile and expectations of its own, is a scenario too);
     * naming no bundled scenario is an error, and so is {@code supersedes} in a bundled file.
     */
    public Scenarios readWithTeam(KnowledgeFolder rules) {
        List<String> problems = new ArrayList<>();
        List<Scenario> bundled = new ArrayList<>();
        for (SourceFile file : enforced(rules)) {
            bundled.addAll(readFile(file, problems, null));
        }
        List<Superseded> superseded = new ArrayList<>();
        List<Scenario> team = new ArrayList<>();
        for (SourceFile file : rules.presentTeam() == null ? List.<SourceFile>of() : enforced(rules.presentTeam())) {
            team.addAll(readFile(file, problems, superseded));
        }
        Set<String> bundledNames = new java.util.LinkedHashSet<>(bundled.stream().map(Scenario::name).toList());
        Map<String, Superseded> byName = new LinkedHashMap<>();
        for (Superseded entry : superseded) {
            if (!bundledNames.contains(entry.name())) {
                problems.add(entry.by() + ": supersedes \"" + entry.name() + "\": no bundled scenario has that name"
                        + Suggestions.didYouMean(entry.name(), bundledNames));
            } else if (byName.putIfAbsent(entry.name(), entry) != null) {
                problems.add(entry.by() + ": supersedes \"" + entry.name() + "\" again; first in " + byName.get(entry.name()).by());
            }
        }
        List<Scenario> run = new ArrayList<>(bundled.stream().filter(sc -> !byName.containsKey(sc.name())).toList());
        run.addAll(team);
        List<Superseded> withdrawn = bundled.stream().filter(sc -> byName.containsKey(sc.name()))
                .map(sc -> byName.get(sc.name()).of(sc)).toList();
        return new Scenarios(unique(run, problems), withdrawn);
    }

    /** The scenarios to run, and the bundled ones a team's scenario files supersede. */
    public record Scenarios(List<Scenario> run, List<Superseded> superseded) {

        public Scenarios {
            run = List.copyOf(run);
            superseded = List.copyOf(superseded);
        }
    }

    /**
     * A bundled scenario a team supersedes.
     *
     * @param name    the bundled scenario's name
     * @param source  the bundled file it is in
     * @param by      the team's file that supersedes it
     * @param because why, in the team's words
     */
    public record Superseded(String name, String source, String by, String because) {

        Superseded of(Scenario bundled) {
            return new Superseded(name, bundled.source(), by, because);
        }
    }

    private static List<SourceFile> enforced(KnowledgeFolder rules) {
        return rules.read("scenarios", ".yaml").stream().filter(f -> !f.path().startsWith(PANEL_FOLDER)).toList();
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
        for (SourceFile file : files) {
            scenarios.addAll(readFile(file, problems, null));
        }
        return unique(scenarios, problems);
    }

    /** The scenarios when every name is used once and nothing else went wrong; else every problem. */
    private static List<Scenario> unique(List<Scenario> scenarios, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (Scenario scenario : scenarios) {
            if (!names.add(scenario.name())) {
                problems.add(scenario.source() + ": scenario \"" + scenario.name() + "\" is defined twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems.size() + " problem(s) in the scenarios", problems);
        }
        return scenarios;
    }

    /**
     * The scenarios of one file; a team's file ({@code superseded} not null) may also supersede
     * bundled scenarios, which are added to {@code superseded}.
     */
    private List<Scenario> readFile(SourceFile file, List<String> problems, List<Superseded> superseded) {
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
            if (node.has(SUPERSEDES)) {
                node = supersedes(node, file.name(), where, problems, superseded);
                if (node == null) {
                    continue;
                }
            }
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

    /**
     * Records what a team's entry supersedes, and returns the rest of the entry when it is a
     * scenario of its own too (a name, a profile or expectations), else null.
     */
    private static JsonNode supersedes(JsonNode node, String file, String where, List<String> problems, List<Superseded> superseded) {
        if (superseded == null) {
            problems.add(where + ": \"supersedes\" belongs in a team's scenarios (--team DIR: DIR/rules/scenarios/),"
                    + " never in the bundled ones");
            return null;
        }
        JsonNode name = node.get(SUPERSEDES);
        JsonNode because = node.get("because");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(where + ": \"supersedes\" takes the name of a bundled scenario, in quotes");
            return null;
        }
        if (because == null || !because.isTextual() || because.asText().isBlank()) {
            problems.add(where + ": superseding \"" + name.asText() + "\" needs a reason: because: \"...\"");
            return null;
        }
        superseded.add(new Superseded(name.asText(), null, file, because.asText().strip()));
        ObjectNode scenario = ((ObjectNode) node).deepCopy();
        scenario.remove(SUPERSEDES);
        ObjectNode rest = scenario.deepCopy();
        rest.remove(List.of("because", "note"));
        return rest.isEmpty() ? null : scenario;
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
