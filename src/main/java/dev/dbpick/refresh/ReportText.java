package dev.dbpick.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.catalog.FactNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refresh's report for a person: per library, each fact that changed (old -> new, and where
 * the new value came from) and the notes; then the scenarios on the refreshed knowledge, the
 * first picks that moved, and what was written. Warnings go to standard error, apart.
 */
public final class ReportText {

    private ReportText() {
    }

    public static void print(Report report, PrintWriter out) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        report.refreshed().forEach(id -> lines.put(id, new ArrayList<>()));
        for (Change change : report.changes()) {
            lines.computeIfAbsent(change.id(), k -> new ArrayList<>()).add("  " + change.fact() + ": " + show(change.fact(), change.before())
                    + " -> " + show(change.fact(), change.after()) + (change.source() == null ? "" : "  (" + change.source() + ")"));
        }
        for (Report.Note note : report.notes()) {
            lines.computeIfAbsent(note.id(), k -> new ArrayList<>())
                    .add("  note" + (note.source() == null ? "" : " (" + note.source() + ")") + ": " + note.text());
        }
        int unchanged = 0;
        for (Map.Entry<String, List<String>> entry : lines.entrySet()) {
            if (entry.getValue().isEmpty()) {
                unchanged++;
                continue;
            }
            out.println(entry.getKey());
            entry.getValue().forEach(out::println);
        }
        if (unchanged > 0) {
            out.println((unchanged == lines.size() ? "No fact changed" : unchanged + " more librar" + (unchanged == 1 ? "y" : "ies")
                    + " unchanged") + " (" + report.refreshed().size() + " refreshed).");
        }
        out.println();
        scenarios(report, out);
        out.println();
        if (report.written().isEmpty()) {
            out.println("Nothing to write: the refreshed facts are as the overlays already hold them.");
        } else {
            out.println((report.dryRun() ? "Dry run, nothing written; would write " : "Wrote ") + report.written().size()
                    + " file(s): " + String.join(", ", report.written()));
        }
        long failed = report.sources().stream().filter(s -> !s.ok()).count();
        if (failed > 0) {
            out.println(failed + " source(s) failed for some requests (see the warnings); their facts stayed as they were.");
        }
    }

    private static void scenarios(Report report, PrintWriter out) {
        ScenarioReplay.Outcome scenarios = report.scenarios();
        if (scenarios == null) {
            out.println("The scenarios could not run: " + report.scenariosError());
            return;
        }
        out.println("Scenarios on the refreshed knowledge: " + scenarios.passed() + " passed, " + scenarios.failed() + " failed");
        for (ScenarioReplay.Failure failure : scenarios.failures()) {
            out.println("  FAIL  " + failure.scenario() + "  (" + failure.source() + ")"
                    + (failure.failedBefore() ? "  [failed before the refresh too]" : ""));
            failure.problems().forEach(p -> out.println("        " + p));
        }
        if (scenarios.moved().isEmpty()) {
            out.println("No scenario's first pick moved.");
        } else {
            out.println("First picks that moved:");
            for (ScenarioReplay.Moved moved : scenarios.moved()) {
                out.println("  " + moved.scenario() + (moved.database() == null ? "" : " [" + moved.database() + "]")
                        + " (" + moved.source() + "): " + moved.before() + " -> " + moved.after());
            }
        }
    }

    /** A value for a person: text as it is, lists joined, an advisory with its fix, null in words. */
    static String show(String fact, JsonNode value) {
        if (value == null || value.isNull()) {
            return fact.equals(FactNames.DOWNLOAD_RANK) ? "outside the ranking" : "none";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        if (value.isObject()) {
            JsonNode fixed = value.path("fixedIn");
            return value.path("id").asText() + (fixed.isTextual() ? " (fixed in " + fixed.asText() + ")" : " (no fix)");
        }
        return value.asText();
    }
}
