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

    CatalogChecks(Vocabulary vocabulary, Questionnaire questionnaire) {
        this.vocabulary = vocabulary;
        this.databases = specific(questionnaire.get("databases").values());
        this.frameworks = specific(questionnaire.get("framework").values());
        this.workloads = specific(questionnaire.get("workload").values());
    }

    private static Set<String> specific(List<String> values) {
        Set<String> set = new HashSet<>(values);
        set.removeAll(CATCH_ALLS);
        return set;
    }

    List<String> check(Library l, Set<String> ids) {
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
        among(problems, "databases", l.databases(), databases);
        among(problems, "frameworks", l.frameworks(), frameworks);
        among(problems, "workloads", l.workloads(), workloads);
        if (l.requiresFramework() != null) {
            among(problems, "requiresFramework", List.of(l.requiresFramework()), frameworks);
        }
        checkAsync(problems, l.async());
        checkMaintenance(problems, l.maintenance());
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
        if (none && !async.syncApi()) {
            problems.add("\"async.syncApi\" cannot be false when there is no async API");
        }
    }

    private void checkMaintenance(List<String> problems, Library.Maintenance m) {
        if (m == null) {
            problems.add("missing \"maintenance\"");
            return;
        }
        vocabularyValue(problems, "maintenance.status", "maintenanceStatus", m.status());
        vocabularyValue(problems, "maintenance.devStatus", "devStatus", m.devStatus());
        required(problems, "maintenance.latestVersion", m.latestVersion());
        if (m.released() == null || !MONTH.matcher(m.released()).matches()) {
            problems.add("\"maintenance.released\" must be a month, YYYY-MM");
        }
        if (m.downloadRank() != null && m.downloadRank() < 1) {
            problems.add("\"maintenance.downloadRank\" must be positive or null");
        }
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
