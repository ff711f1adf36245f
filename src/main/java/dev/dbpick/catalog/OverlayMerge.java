package dev.dbpick.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays a library's refreshed facts over its hand-written record. Pinned facts keep the hand
 * value. A release line's Python versions replace the hand line's (versions now declared leave
 * {@code alsoInstalls}); a line newer than every hand line is added first; an advisory list
 * replaces the hand advisories it names (by id or alias) and keeps the others. The merged
 * record's {@code asOf} is the earliest fetch date of the refreshed facts when the latest
 * release was refreshed and that date is later than the hand date, so the stale-facts caution
 * follows the refresh.
 */
public final class OverlayMerge {

    private OverlayMerge() {
    }

    /** A merged record and where its facts came from. */
    public record Merged(Library library, Provenance provenance) {
    }

    /** The hand record with the overlay's unpinned facts laid over it; {@code overlay} may be null. */
    public static Merged apply(Library hand, Overlay overlay, Pins pins) {
        Set<String> pinned = pins.of(hand.id());
        if (overlay == null) {
            return new Merged(hand, Provenance.hand(hand.asOf(), pinned));
        }
        Map<String, Overlay.Fact> facts = new LinkedHashMap<>();
        overlay.facts().entrySet().stream()
                .filter(e -> !pins.pinned(hand.id(), e.getKey()))
                .sorted(Map.Entry.comparingByKey(FactNames.ORDER))
                .forEach(e -> facts.put(e.getKey(), e.getValue()));
        Library.Maintenance m = hand.maintenance();
        Library.Maintenance maintenance = new Library.Maintenance(m.lifecycle(),
                text(facts, FactNames.DEV_STATUS, m.devStatus()),
                text(facts, FactNames.LATEST_VERSION, m.latestVersion()),
                text(facts, FactNames.RELEASED, m.released()), m.firstReleased(),
                facts.containsKey(FactNames.DOWNLOAD_RANK) ? rank(facts.get(FactNames.DOWNLOAD_RANK).value()) : m.downloadRank());
        List<Library.PythonLine> python = python(hand.python(), facts);
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        List<Library.Advisory> advisories = facts.containsKey(FactNames.ADVISORIES)
                ? advisories(hand.advisories(), facts.get(FactNames.ADVISORIES).value(), aliases) : hand.advisories();
        String asOf = hand.asOf();
        if (facts.containsKey(FactNames.LATEST_VERSION)) {
            String earliest = facts.values().stream().map(Overlay.Fact::fetched).min(String::compareTo).orElse(asOf);
            asOf = earliest.compareTo(asOf) > 0 ? earliest : asOf;
        }
        Library merged = new Library(hand.id(), hand.name(), hand.summary(), hand.kinds(), hand.databases(), hand.deployment(),
                hand.sharing(), hand.async(), hand.frameworks(), hand.requiresFramework(), hand.workloads(), hand.cacheRole(), hand.traits(),
                text(facts, FactNames.LICENSE, hand.license()), hand.copyleft(), hand.install(),
                text(facts, FactNames.TYPING, hand.typing()), hand.pydantic(), hand.integrations(), python, hand.migrations(),
                hand.runsOn(), maintenance, advisories, hand.dependencyRisks(), hand.notices(), hand.strengths(),
                hand.weaknesses(), hand.alternative(), hand.seedClaim(), hand.sources(), asOf);
        List<Provenance.Origin> origins = new ArrayList<>();
        Set<String> lines = new HashSet<>();
        python.forEach(line -> lines.add(line.release()));
        facts.forEach((name, fact) -> {
            if (FactNames.release(name).map(lines::contains).orElse(true)) {
                origins.add(new Provenance.Origin(name, fact.source(), fact.fetched()));
            }
        });
        return new Merged(merged, new Provenance(hand.asOf(), origins, List.copyOf(pinned), aliases));
    }

    private static String text(Map<String, Overlay.Fact> facts, String name, String hand) {
        Overlay.Fact fact = facts.get(name);
        return fact == null ? hand : fact.value().asText();
    }

    private static Integer rank(JsonNode value) {
        return value.isNull() ? null : value.asInt();
    }

    private static List<Library.PythonLine> python(List<Library.PythonLine> hand, Map<String, Overlay.Fact> facts) {
        List<Library.PythonLine> lines = new ArrayList<>();
        for (Library.PythonLine line : hand) {
            Overlay.Fact fact = facts.get(FactNames.pythonLine(line.release()));
            if (fact == null) {
                lines.add(line);
            } else {
                List<String> versions = strings(fact.value());
                List<String> also = line.alsoInstalls().stream().filter(v -> !versions.contains(v)).toList();
                lines.add(new Library.PythonLine(line.release(), versions, also, line.supportedUntil()));
            }
        }
        // Lines newer than every hand line, newest first, before them.
        List<Library.PythonLine> newer = new ArrayList<>();
        facts.forEach((name, fact) -> FactNames.release(name).ifPresent(release -> {
            boolean newest = hand.stream().allMatch(line -> FactNames.compareReleases(release, line.release()) > 0);
            if (newest) {
                newer.add(new Library.PythonLine(release, strings(fact.value()), List.of(), null));
            }
        }));
        newer.addAll(lines);
        return newer;
    }

    private static List<Library.Advisory> advisories(List<Library.Advisory> hand, JsonNode refreshed,
                                                     Map<String, List<String>> aliases) {
        List<Library.Advisory> merged = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (JsonNode advisory : refreshed) {
            String id = advisory.get("id").asText();
            List<String> also = strings(advisory.get("aliases"));
            JsonNode fixed = advisory.get("fixedIn");
            merged.add(new Library.Advisory(id, fixed.isNull() ? null : fixed.asText(), advisory.get("summary").asText()));
            aliases.put(id, also);
            named.add(id);
            named.addAll(also);
        }
        hand.stream().filter(a -> !named.contains(a.id())).forEach(merged::add);
        return merged;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
