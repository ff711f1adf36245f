package dev.dbpick.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a library's facts come from: the hand-written record, checked on {@code handAsOf}, and
 * the facts a refresh set over it, each with its source URL and fetch date; {@code pinned} are
 * the facts a refresh must leave as the hand wrote them.
 *
 * @param handAsOf  the hand record's {@code asOf}
 * @param refreshed the refreshed facts in use, in {@link FactNames#ORDER}
 * @param pinned    the pinned facts ({@code data/pinned.yaml}), sorted
 * @param aliases   advisory id to its aliases (CVE ids and the like), for refreshed advisories
 */
public record Provenance(String handAsOf, List<Origin> refreshed, List<String> pinned,
                         @JsonIgnore Map<String, List<String>> aliases)
        implements java.io.Serializable {

    public Provenance {
        refreshed = List.copyOf(refreshed);
        pinned = List.copyOf(pinned);
        aliases = Map.copyOf(aliases);
    }

    /** Where one refreshed fact came from and when. */
    public record Origin(String fact, String source, String fetched) implements java.io.Serializable {
    }

    /** A record with no refreshed facts. */
    public static Provenance hand(String asOf, java.util.Collection<String> pinned) {
        return new Provenance(asOf, List.of(), List.copyOf(new java.util.TreeSet<>(pinned)), Map.of());
    }

    /** The origin of one fact, when a refresh set it. */
    public Optional<Origin> origin(String fact) {
        return refreshed.stream().filter(o -> o.fact().equals(fact)).findFirst();
    }

    /** The aliases of an advisory a refresh found, or none. */
    public List<String> aliasesOf(String advisory) {
        return aliases.getOrDefault(advisory, List.of());
    }
}
