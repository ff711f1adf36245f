package dev.dbpick.refresh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a refresh did, as {@code --format json} gives it.
 *
 * @param changes        every fact that changed, library by library
 * @param sources        each source: its URL, whether every request to it succeeded, and the first error
 * @param scenarios      the scenario tests on the refreshed knowledge (null when they could not run)
 * @param scenariosError why the scenarios could not run, or null
 * @param notes          what a reviewer should know that is not a failure (a pre-release, a yanked
 *                       release, a licence without an expression, a pinned fact the source disagrees with)
 * @param warnings       one line per failed request: the source, the package, the error, what stays as it was
 * @param refreshed      the libraries refreshed, in order
 * @param written        the overlay files written (with {@code dryRun}: that would be written)
 * @param dryRun         nothing was written
 */
@JsonPropertyOrder({"changes", "sources", "scenarios", "scenariosError", "notes", "warnings", "refreshed", "written", "dryRun"})
public record Report(List<Change> changes, List<SourceStatus> sources, ScenarioReplay.Outcome scenarios,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String scenariosError, List<Note> notes,
                     List<String> warnings, List<String> refreshed, List<String> written, boolean dryRun) {

    public Report {
        changes = List.copyOf(changes);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        refreshed = List.copyOf(refreshed);
        written = List.copyOf(written);
    }

    /** One source: {@code ok} when every request to it gave a usable answer; {@code error} the first that did not. */
    public record SourceStatus(String name, String url, boolean ok, String error) {
    }

    /** Something about one library a reviewer should know. */
    public record Note(String id, String source, String text) {
    }

    /** True when any request to any source failed: {@code --strict} exits 1. */
    public boolean anySourceFailed() {
        return sources.stream().anyMatch(s -> !s.ok());
    }
}
