package dev.dbpick.refresh;

import dev.dbpick.catalog.Overlay;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one source said about one library: the facts it determined, the facts it owns but could
 * not determine this time (their earlier refreshed values stay), and what went wrong. A failed
 * outcome determined nothing: every fact of the source stays as it was.
 *
 * @param source   the source
 * @param failed   the package's request failed as a whole
 * @param failure  why it failed, when a request failed as a whole (null otherwise)
 * @param facts    fact name to its new value
 * @param keep     facts of this source whose earlier refreshed value stays
 * @param problems warnings (a request that failed), without the source and library prefix
 * @param notes    things a reviewer should know that are not failures
 */
record SourceOutcome(Source source, boolean failed, FetchException.Kind failure, Map<String, Overlay.Fact> facts, Set<String> keep,
                     List<String> problems, List<String> notes) {

    SourceOutcome {
        facts = Map.copyOf(facts);
        keep = Set.copyOf(keep);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    static SourceOutcome failed(Source source, String problem) {
        return new SourceOutcome(source, true, null, Map.of(), Set.of(), List.of(problem), List.of());
    }

    static SourceOutcome failed(Source source, FetchException e) {
        return new SourceOutcome(source, true, e.kind(), Map.of(), Set.of(), List.of(e.getMessage()), List.of());
    }

    /** A source determined these facts, and could not determine {@code keep}. */
    static SourceOutcome of(Source source, Map<String, Overlay.Fact> facts, Set<String> keep, List<String> problems,
                            List<String> notes) {
        return new SourceOutcome(source, false, null, facts, keep, problems, notes);
    }
}
