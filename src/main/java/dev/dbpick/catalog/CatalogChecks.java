package dev.dbpick.catalog;

import dev.dbpick.questionnaire.Questionnaire;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks one catalog record must pass beyond being well-formed YAML. */
final class CatalogChecks {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
    /** Catch-all choices of the questionnaire that describe profiles, not libraries. */
    private static final Set<String> CATCH_ALLS = Set.of("any", "other", "none");

    private final Vocabulary vocabulary;
    private final Set<String> databases;
    private final Set<String> frameworks;
    private final Set<String> workloads;
    private final Set<String> sharing;
    private final Set<String> integrations;
    private final Set<String> pythonVersions;

    CatalogChecks(Vocabulary vocabulary, Questionnaire questionnaire) {
        this.vocabulary = vocabulary;
        this.databases = specific(questionnaire.get("databases").values());
        this.frameworks = specific(questionnaire.get("framework").values());
        this.workloads = specific(questionnaire.get("workload").values());
        this.sharing = specific(questionnaire.get("sharedBy").values());
        this.integrations = specific(questionnaire.get("alreadyUses").values());
        this.pythonVersions = specific(questionnaire.get("python").values());
    }

    private static Set<String> specific(List<String> values) {
        Set<String> set = new HashSet<>(values);
        set.removeAll(CATCH_ALLS);
        return set;
    }

    /**
     * Checks one record; {@code catalog} holds every record read (ids, and drivers for
     * {@code runsOn}), possibly including invalid ones.
     */
    List<String> check(Library l, java.util.Map<String, Library> catalog) {
        Set<String> ids = catalog.keySet();
        List<String> problems = new ArrayList<>();
        required(problems, "id", l.id());
        required(problems, "name", l.name());
        required(problems, "summary", l.summary());
        required(problems, "license", l.license());
        required(problems, "strengths", l.strengths());
        required(problems, "weaknesses", l.weaknesses());
        if (l.id() != null && !ID.matcher(l.id()).matches()) {
            problems.add("id \"" + l.id() + "\" must be the lower-case package name (a-z, 0-9, '.', '_', '-')");
        }
        if (l.kinds().isEmpty()) {
            problems.add("\"kinds\" needs at least one value");
        }
        vocabularyList(problems, "kinds", "kinds", l.kinds());
        vocabularyValue(problems, "deployment", "deployment", l.deployment());
        vocabularyValue(problems, "copyleft", "copyleft", l.copyleft());
        vocabularyValue(problems, "install", "install", l.install());
        vocabularyValue(problems, "typing", "typing", l.typing());
        vocabularyList(problems, "traits", "traits", l.traits());
        if (l.cacheRole() != null) {
            vocabularyValue(problems, "cacheRole", "cacheRoles", l.cacheRole());
        }
        if (l.kinds().contains("cache") != (l.cacheRole() != null)) {
            problems.add(l.kinds().contains("cache") ? "a cache needs a \"cacheRole\" (one of the vocabulary's cacheRoles)"
                    : "\"cacheRole\" is for caches only (kinds has no cache): write null");
        }
        if (l.has("small-api") && l.has("unit-of-work")) {
            problems.add("\"traits\": small-api and unit-of-work contradict each other; keep the one the sources support");
        }
        among(problems, "databases", l.databases(), databases);
        if (l.sharing() == null) {
            problems.add("missing \"sharing\"; allowed: " + sorted(sharing));
        } else {
            among(problems, "sharing", List.of(l.sharing()), sharing);
        }
        among(problems, "integrations", l.integrations(), integrations);
        checkPython(problems, l.python());
        checkMigrations(problems, l.migrations());
        checkRunsOn(problems, l, catalog);
        among(problems, "frameworks", l.frameworks(), frameworks);
        among(problems, "workloads", l.workloads(), workloads);
        if (l.requiresFramework() != null) {
            among(problems, "requiresFramework", List.of(l.requiresFramework()), frameworks);
        }
        checkAsync(problems, l.async());
        checkMaintenance(problems, l.maintenance());
        for (Library.DependencyRisk risk : l.dependencyRisks()) {
            if (blank(risk.summary()) || !List.of("major", "minor").contains(risk.severity())) {
                problems.add("every dependency risk needs a summary and a severity, major or minor");
            }
        }
        for (Library.Advisory advisory : l.advisories()) {
            if (blank(advisory.id()) || blank(advisory.summary())) {
                problems.add("every advisory needs an id and a summary");
            }
        }
        if (l.seedClaim() != null && (blank(l.seedClaim().claim()) || blank(l.seedClaim().evidence()))) {
            problems.add("\"seedClaim\" needs a claim and the evidence, or null");
        }
        if (l.alternative() != null && (!ids.contains(l.alternative()) || l.alternative().equals(l.id()))) {
            problems.add("\"alternative\": \"" + l.alternative() + "\" is not another library of the catalog");
        }
        if (l.sources().isEmpty()) {
            problems.add("\"sources\" needs at least one source");
        }
        if (l.asOf() == null || !DATE.matcher(l.asOf()).matches()) {
            problems.add("\"asOf\" must be a date, YYYY-MM-DD");
        }
        return problems;
    }

    private void checkAsync(List<String> problems, Library.AsyncSupport async) {
        if (async == null) {
            problems.add("missing \"async\"");
            return;
        }
        vocabularyValue(problems, "async.kind", "asyncKinds", async.kind());
        boolean none = "none".equals(async.kind());
        if (none && async.since() != null) {
            problems.add("\"async.since\" must be null when async.kind is none");
        }
        if (!none && blank(async.since())) {
            problems.add("\"async.since\" is required when async.kind is " + async.kind());
        }
        if (none && async.sinceMonth() != null) {
            problems.add("\"async.sinceMonth\" must be null when async.kind is none");
        }
        if (!none && (async.sinceMonth() == null || !MONTH.matcher(async.sinceMonth()).matches())) {
            problems.add("\"async.sinceMonth\" must be the month the async API shipped, YYYY-MM");
        }
        if (none && !async.syncApi()) {
            problems.add("\"async.syncApi\" cannot be false when there is no async API");
        }
    }

    private void checkMaintenance(List<String> problems, Library.Maintenance m) {
        if (m == null) {
            problems.add("missing \"maintenance\"");
            return;
        }
        vocabularyValue(problems, "maintenance.lifecycle", "lifecycle", m.lifecycle());
        vocabularyValue(problems, "maintenance.devStatus", "devStatus", m.devStatus());
        required(problems, "maintenance.latestVersion", m.latestVersion());
        if (m.firstReleased() != null && (!MONTH.matcher(m.firstReleased()).matches()
                || m.released() != null && m.firstReleased().compareTo(m.released()) > 0)) {
            problems.add("\"maintenance.firstReleased\" must be a month, YYYY-MM, no later than \"released\", or null when not recorded");
        }
        if (m.released() == null || !MONTH.matcher(m.released()).matches()) {
            problems.add("\"maintenance.released\" must be a month, YYYY-MM");
        }
        if (m.downloadRank() != null && m.downloadRank() < 1) {
            problems.add("\"maintenance.downloadRank\" must be positive or null");
        }
    }

    private void checkPython(List<String> problems, List<Library.PythonLine> lines) {
        if (lines.isEmpty()) {
            problems.add("\"python\" needs at least one release line, newest first");
        }
        for (Library.PythonLine line : lines) {
            if (blank(line.release())) {
                problems.add("every \"python\" line needs a release");
            }
            among(problems, "python.versions", line.versions(), pythonVersions);
            among(problems, "python.alsoInstalls", line.alsoInstalls(), pythonVersions);
            if (line.alsoInstalls().stream().anyMatch(line.versions()::contains)) {
                problems.add("\"python.alsoInstalls\" repeats a version of \"versions\"");
            }
            if (line.supportedUntil() != null && !MONTH.matcher(line.supportedUntil()).matches()) {
                problems.add("\"python.supportedUntil\" must be a month, YYYY-MM, or null");
            }
        }
        if (!lines.isEmpty() && lines.get(0).supportedUntil() != null) {
            problems.add("\"python\": the first line is the newest; give an end month only to older lines");
        }
    }

    private void checkMigrations(List<String> problems, Library.Migrations migrations) {
        if (migrations == null) {
            return;
        }
        if (blank(migrations.tool())) {
            problems.add("\"migrations.tool\" names the tool, or write migrations: null");
        }
        vocabularyValue(problems, "migrations.kind", "migrationKinds", migrations.kind());
    }

    /** Every driver a library runs on must be a catalog driver for that database. */
    private static void checkRunsOn(List<String> problems, Library l, java.util.Map<String, Library> catalog) {
        l.runsOn().forEach((database, drivers) -> {
            if (!l.databases().contains(database)) {
                problems.add("\"runsOn\": " + database + " is not one of its databases");
            }
            if (drivers == null) {
                problems.add("\"runsOn." + database + "\" needs sync and async lists");
                return;
            }
            if (drivers.sync().isEmpty() && drivers.async().isEmpty()) {
                problems.add("\"runsOn." + database + "\" lists no driver; leave the database out instead");
            }
            java.util.stream.Stream.concat(drivers.sync().stream(), drivers.async().stream()).distinct().forEach(id -> {
                Library driver = catalog.get(id);
                if (driver == null) {
                    problems.add("\"runsOn." + database + "\": \"" + id + "\" is not in the catalog");
                } else if (!driver.kinds().contains("driver") || !driver.databases().contains(database)) {
                    problems.add("\"runsOn." + database + "\": \"" + id + "\" is not a " + database + " driver");
                } else if (id.equals(l.id())) {
                    problems.add("\"runsOn." + database + "\": a library does not run on itself; write {}");
                }
            });
            duplicates(problems, "runsOn." + database + ".sync", drivers.sync());
            duplicates(problems, "runsOn." + database + ".async", drivers.async());
        });
    }

    private static String sorted(Collection<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }

    private void vocabularyValue(List<String> problems, String field, String list, String value) {
        if (value == null || !vocabulary.allows(list, value)) {
            problems.add("\"" + field + "\": " + (value == null ? "missing" : "unknown value \"" + value + "\"")
                    + "; allowed: " + String.join(", ", vocabulary.values(list)));
        }
    }

    private void vocabularyList(List<String> problems, String field, String list, List<String> values) {
        values.forEach(v -> vocabularyValue(problems, field, list, v));
        duplicates(problems, field, values);
    }

    private static void among(List<String> problems, String field, List<String> values, Collection<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                problems.add("\"" + field + "\": unknown value \"" + value + "\"; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        duplicates(problems, field, values);
    }

    private static void duplicates(List<String> problems, String field, List<String> values) {
        if (new HashSet<>(values).size() != values.size()) {
            problems.add("\"" + field + "\" lists a value twice");
        }
    }

    private static void required(List<String> problems, String field, String value) {
        if (blank(value)) {
            problems.add("missing \"" + field + "\"");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
