package dev.dbpick.catalog;

import java.util.List;

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
        AsyncSupport async,
        List<String> frameworks,
        String requiresFramework,
        List<String> workloads,
        List<String> traits,
        String license,
        String copyleft,
        String install,
        String typing,
        boolean pydantic,
        Maintenance maintenance,
        List<Advisory> advisories,
        List<String> dependencyRisks,
        String strengths,
        String weaknesses,
        String alternative,
        SeedClaim seedClaim,
        List<String> sources,
        String asOf) {

    public Library {
        kinds = listOf("kinds", kinds);
        databases = listOf("databases", databases);
        frameworks = listOf("frameworks", frameworks);
        workloads = listOf("workloads", workloads);
        traits = listOf("traits", traits);
        advisories = listOf("advisories", advisories);
        dependencyRisks = listOf("dependencyRisks", dependencyRisks);
        sources = listOf("sources", sources);
    }

    private static <T> List<T> listOf(String field, List<T> list) {
        if (list == null || list.contains(null)) {
            throw new IllegalArgumentException("\"" + field + "\" must be a list without empty items; write [] for none");
        }
        return List.copyOf(list);
    }

    /** The kind shown in rankings: the first listed. */
    public String primaryKind() {
        return kinds.get(0);
    }

    /** True when the library carries the given trait; reads well in rules: {@code Library(has("columnar"))}. */
    public boolean has(String trait) {
        return traits.contains(trait);
    }

    /** How many of the given databases the library works with. */
    public int supportedCount(List<String> wanted) {
        return (int) wanted.stream().filter(databases::contains).count();
    }

    /** How a library supports asyncio. */
    public record AsyncSupport(String kind, String since, boolean syncApi, String note) {
    }

    /** Release and maintenance facts. */
    public record Maintenance(String status, String devStatus, String latestVersion, String released,
                              Integer downloadRank) {

        /** The leading number of the latest version: 0 for pre-1.0 releases such as "0.0.50"; -1 if none. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public int majorVersion() {
            int end = 0;
            while (latestVersion != null && end < latestVersion.length() && Character.isDigit(latestVersion.charAt(end))) {
                end++;
            }
            return end == 0 || end > 9 ? -1 : Integer.parseInt(latestVersion.substring(0, end));
        }
    }

    /** A known security advisory; {@code fixedIn} is null when no release fixes it. */
    public record Advisory(String id, String fixedIn, String summary) {

        public boolean unfixed() {
            return fixedIn == null;
        }
    }

    /** Where the seed list's claim differs from the evidence. */
    public record SeedClaim(String claim, String evidence) {
    }
}
