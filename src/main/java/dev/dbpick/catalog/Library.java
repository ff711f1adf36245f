package dev.dbpick.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One catalog record: the facts about a Python database library, no scores.
 *
 * <p>Rules match on these facts (for example {@code Library(databases contains "postgresql")});
 * the field names are the YAML names of {@code data/catalog/*.yaml}.
 */
public record Library(
        String id,
        String name,
        String summary,
        List<String> kinds,
        List<String> databases,
        String deployment,
        String sharing,
        AsyncSupport async,
        List<String> frameworks,
        String requiresFramework,
        List<String> workloads,
        String cacheRole,
        List<String> traits,
        String license,
        String copyleft,
        String install,
        String typing,
        boolean pydantic,
        List<String> integrations,
        List<PythonLine> python,
        Migrations migrations,
        Map<String, Drivers> runsOn,
        Maintenance maintenance,
        List<Advisory> advisories,
        List<DependencyRisk> dependencyRisks,
        List<String> notices,
        String strengths,
        String weaknesses,
        String alternative,
        SeedClaim seedClaim,
        List<String> sources,
        String asOf) implements Serializable {

    public Library {
        kinds = listOf("kinds", kinds);
        databases = listOf("databases", databases);
        frameworks = listOf("frameworks", frameworks);
        workloads = listOf("workloads", workloads);
        traits = listOf("traits", traits);
        integrations = listOf("integrations", integrations);
        python = listOf("python", python);
        advisories = listOf("advisories", advisories);
        dependencyRisks = listOf("dependencyRisks", dependencyRisks);
        notices = listOf("notices", notices);
        sources = listOf("sources", sources);
        if (runsOn == null) {
            throw new IllegalArgumentException("\"runsOn\" must be a map of database to drivers; write {} for none");
        }
        runsOn = Map.copyOf(runsOn);
    }

    static <T> List<T> listOf(String field, List<T> list) {
        if (list == null || list.stream().anyMatch(java.util.Objects::isNull)) {   // contains(null) throws on List.of
            throw new IllegalArgumentException("\"" + field + "\" must be a list without empty items; write [] for none");
        }
        return List.copyOf(list);
    }

    /** The kind shown in rankings: the first listed. */
    @JsonIgnore
    public String primaryKind() {
        return kinds.get(0);
    }

    /** True when the library carries the given trait; reads well in rules: {@code Library(has("columnar"))}. */
    public boolean has(String trait) {
        return traits.contains(trait);
    }

    /** True when the library integrates with the given tool ({@code pydantic}, {@code pandas}, ...). */
    public boolean integratesWith(String tool) {
        return integrations.contains(tool);
    }

    /** True when it integrates with at least one of the given tools; {@code Library(integratesWithAny($uses))}. */
    public boolean integratesWithAny(List<String> tools) {
        for (String tool : tools) {
            if (integrations.contains(tool)) {
                return true;
            }
        }
        return false;
    }

    /** The given tools it integrates with, in the order given. */
    public List<String> integrationsAmong(List<String> tools) {
        return tools.stream().filter(integrations::contains).toList();
    }

    /** How many of the given databases the library works with. */
    public int supportedCount(List<String> wanted) {
        int count = 0;
        for (String database : wanted) {
            if (databases.contains(database)) {
                count++;
            }
        }
        return count;
    }

    /** The given databases it does not work with, in the order given. */
    public List<String> missing(List<String> wanted) {
        return wanted.stream().filter(d -> !databases.contains(d)).toList();
    }

    /**
     * Where {@code driver} stands among the drivers this library runs on for any of the given
     * databases in synchronous code: 0 for its preferred (first listed) driver, 1 for the next,
     * and -1 when it does not run on it.
     */
    public int driverPreference(String driver, List<String> databases) {
        return preference(driver, databases, false);
    }

    /** As {@link #driverPreference}, among the drivers it runs on under asyncio. */
    public int asyncDriverPreference(String driver, List<String> databases) {
        return preference(driver, databases, true);
    }

    private int preference(String driver, List<String> databases, boolean async) {
        int best = -1;
        for (String database : databases) {
            Drivers drivers = runsOn.get(database);
            int index = drivers == null ? -1 : (async ? drivers.async() : drivers.sync()).indexOf(driver);
            if (index >= 0 && (best < 0 || index < best)) {
                best = index;
            }
        }
        return best;
    }

    /**
     * How widely used it is, for comparisons: its download rank, 0 for the standard library
     * (every Python has it), and {@link Integer#MAX_VALUE} when unranked.
     */
    @JsonIgnore
    public int usageRank() {
        return "stdlib".equals(install) ? 0 : maintenance.downloadRank() == null ? Integer.MAX_VALUE : maintenance.downloadRank();
    }

    /** The newest maintained release line, or null when the record lists none. */
    @JsonIgnore
    public PythonLine newestLine() {
        return python.isEmpty() ? null : python.get(0);
    }

    /**
     * The newest release line still maintained in {@code month} (YYYY-MM) that installs on a
     * Python version (declared, tested, or installing without a declared upper bound), or null
     * when there is none.
     */
    public PythonLine lineFor(String version, String month) {
        for (PythonLine line : python) {
            if (line.installsOn(version) && line.maintainedIn(month)) {
                return line;
            }
        }
        return null;
    }

    /** How a library supports asyncio; {@code sinceMonth} is when the version {@code since} came out. */
    public record AsyncSupport(String kind, String since, String sinceMonth, boolean syncApi, String note)
            implements Serializable {
    }

    /**
     * A maintained release line and the Python versions it supports: {@code versions} are the
     * ones its authors declare or test; {@code alsoInstalls} the ones it installs on without
     * that (pure Python with no upper bound); {@code supportedUntil} is the month an older line
     * stops getting fixes (null: the newest line, or no end announced).
     */
    public record PythonLine(String release, List<String> versions, List<String> alsoInstalls, String supportedUntil)
            implements Serializable {

        public PythonLine {
            versions = listOf("python.versions", versions);
            alsoInstalls = listOf("python.alsoInstalls", alsoInstalls);
        }

        /** Declared, tested, or installing on the version. */
        public boolean installsOn(String version) {
            return versions.contains(version) || alsoInstalls.contains(version);
        }

        /** Still maintained in the given month (YYYY-MM)? */
        public boolean maintainedIn(String month) {
            return supportedUntil == null || supportedUntil.compareTo(month) >= 0;
        }

        /** The versions as a range for messages, e.g. "3.10-3.13". */
        public String range() {
            return versions.isEmpty() ? "none" : versions.size() == 1 ? versions.get(0)
                    : versions.get(0) + "-" + versions.get(versions.size() - 1);
        }
    }

    /** The schema-migration tool: built into the library, or a companion project made for it. */
    public record Migrations(String tool, String kind) implements Serializable {

        public boolean builtin() {
            return "builtin".equals(kind);
        }
    }

    /** The catalog drivers a library runs on for one database, preferred first, by mode. */
    public record Drivers(List<String> sync, List<String> async) implements Serializable {

        public Drivers {
            sync = listOf("runsOn.sync", sync);
            async = listOf("runsOn.async", async);
        }
    }

    /**
     * Release and maintenance facts; how active a library is follows from {@code released} and the
     * evaluation date. {@code firstReleased} is the month of its first release (the first stable one
     * where earlier previews are not recorded), null when the catalog does not record it: an
     * evaluation date before it finds the library not released yet.
     */
    public record Maintenance(String lifecycle, String devStatus, String latestVersion, String released,
                              String firstReleased, Integer downloadRank) implements Serializable {

        /** The leading number of the latest version: 0 for pre-1.0 releases such as "0.0.50"; -1 if none. */
        @JsonIgnore
        public int majorVersion() {
            int end = 0;
            while (latestVersion != null && end < latestVersion.length() && Character.isDigit(latestVersion.charAt(end))) {
                end++;
            }
            return end == 0 || end > 9 ? -1 : Integer.parseInt(latestVersion.substring(0, end));
        }
    }

    /** A known security advisory; {@code fixedIn} is null when no release fixes it. */
    public record Advisory(String id, String fixedIn, String summary) implements Serializable {

        @JsonIgnore
        public boolean unfixed() {
            return fixedIn == null;
        }

        /**
         * The earliest month it can have been published, YYYY-MM: a CVE id is assigned in the year
         * its number was reserved, so CVE-2026-26198 was published in 2026 at the earliest; null
         * for an id that carries no year (GHSA-...), which is then taken as known on any date.
         */
        @JsonIgnore
        public String publishedNotBefore() {
            return id.matches("CVE-\\d{4}-\\d+") ? id.substring(4, 8) + "-01" : null;
        }
    }

    /**
     * A risk that comes with a dependency: {@code major} when the dependency is deprecated,
     * unmaintained or pinned in a way that blocks fixes; {@code minor} when a pin or a
     * requirement only limits what can be installed beside it.
     */
    public record DependencyRisk(String severity, String summary) implements Serializable {

        @JsonIgnore
        public boolean major() {
            return "major".equals(severity);
        }
    }

    /** Where the seed list's claim differs from the evidence. */
    public record SeedClaim(String claim, String evidence) implements Serializable {
    }
}
