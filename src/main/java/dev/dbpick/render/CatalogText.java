package dev.dbpick.render;

import dev.dbpick.support.Text;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Vocabulary;
import java.io.PrintWriter;
import java.util.List;

/** Plain-text views of the catalog: the list table and one library's facts. */
public final class CatalogText {

    private static final int LABEL = 14;

    private CatalogText() {
    }

    public static void table(List<Library> libraries, PrintWriter out) {
        out.println(Text.pad("ID", 19) + Text.pad("KIND", 18) + Text.pad("ASYNC", 8) + Text.pad("LICENSE", 17)
                + Text.pad("RELEASED", 10) + Text.pad("FACTS AS OF", 12) + "DATABASES");
        for (Library l : libraries) {
            String line = Text.pad(Text.truncate(l.id(), 18), 19)
                    + Text.pad(Text.truncate(l.primaryKind(), 17), 18)
                    + Text.pad(l.async().kind(), 8)
                    + Text.pad(Text.truncate(l.license(), 16), 17)
                    + Text.pad(l.maintenance().released(), 10)
                    + Text.pad(l.asOf(), 12)
                    + (l.databases().isEmpty() ? "-" : String.join(",", l.databases()));
            out.println(Text.truncate(line, View.DEFAULT_WIDTH));
        }
        out.println(libraries.size() + " libraries; 'dbpick catalog show ID' gives the facts and sources of one.");
    }

    public static void details(Library l, Vocabulary vocabulary, PrintWriter out) {
        out.println(l.name() + " (" + l.id() + ")");
        out.println(l.summary());
        out.println();
        field(out, "kinds", String.join(", ", l.kinds()));
        field(out, "databases", l.databases().isEmpty() ? "none (its own storage)" : String.join(", ", l.databases()));
        field(out, "deployment", vocabulary.describe("deployment", l.deployment()));
        field(out, "shared by", switch (l.sharing()) {
            case "one-process" -> "one process at a time";
            case "one-host" -> "several processes on one machine";
            default -> "several machines";
        });
        Library.AsyncSupport async = l.async();
        field(out, "async", async.kind() + (async.since() == null ? "" : " since " + async.since())
                + (async.syncApi() ? "" : " (async-only API)") + " - " + vocabulary.describe("asyncKinds", async.kind()));
        if (async.note() != null) {
            field(out, "", async.note());
        }
        field(out, "frameworks", l.frameworks().isEmpty() ? "-" : String.join(", ", l.frameworks())
                + (l.requiresFramework() == null ? "" : " (runs only inside " + l.requiresFramework() + ")"));
        field(out, "workloads", l.workloads().isEmpty() ? "-" : String.join(", ", l.workloads()));
        field(out, "traits", l.traits().isEmpty() ? "-" : String.join(", ", l.traits()));
        field(out, "license", l.license() + " (" + vocabulary.describe("copyleft", l.copyleft()) + ")");
        field(out, "install", vocabulary.describe("install", l.install()));
        field(out, "typing", vocabulary.describe("typing", l.typing()) + (l.pydantic() ? "; Pydantic models" : ""));
        field(out, "integrations", l.integrations().isEmpty() ? "-" : String.join(", ", l.integrations()));
        for (Library.PythonLine line : l.python()) {
            field(out, "python", line.release() + ": " + String.join(", ", line.versions())
                    + (line.alsoInstalls().isEmpty() ? "" : "; also installs on " + String.join(", ", line.alsoInstalls()))
                    + (line.supportedUntil() == null ? "" : " (supported until " + line.supportedUntil() + ")"));
        }
        field(out, "migrations", l.migrations() == null ? "-"
                : l.migrations().tool() + (l.migrations().builtin() ? " (built in)" : " (companion)"));
        l.runsOn().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                field(out, "runs on", e.getKey() + ": " + (e.getValue().sync().isEmpty() ? "" : "sync " + String.join(", ", e.getValue().sync()))
                        + (e.getValue().sync().isEmpty() || e.getValue().async().isEmpty() ? "" : "; ")
                        + (e.getValue().async().isEmpty() ? "" : "asyncio " + String.join(", ", e.getValue().async()))));
        Library.Maintenance m = l.maintenance();
        field(out, "maintenance", m.lifecycle() + ", " + m.devStatus() + "; latest " + m.latestVersion() + " (" + m.released() + ")"
                + (m.downloadRank() == null ? "" : "; download rank " + m.downloadRank()));
        for (Library.Advisory advisory : l.advisories()) {
            field(out, "advisory", advisory.id() + (advisory.unfixed() ? " (no fix)" : " (fixed in " + advisory.fixedIn() + ")")
                    + ": " + advisory.summary());
        }
        l.dependencyRisks().forEach(risk -> field(out, "risk", risk.severity() + ": " + risk.summary()));
        l.notices().forEach(notice -> field(out, "notice", notice));
        field(out, "strengths", l.strengths());
        field(out, "weaknesses", l.weaknesses());
        if (l.alternative() != null) {
            field(out, "alternative", l.alternative());
        }
        if (l.seedClaim() != null) {
            field(out, "seed list", "claims \"" + l.seedClaim().claim() + "\"; evidence: " + l.seedClaim().evidence());
        }
        l.sources().forEach(source -> field(out, "source", source));
        field(out, "as of", l.asOf());
    }

    private static void field(PrintWriter out, String label, String value) {
        List<String> lines = Text.wrap(value, View.DEFAULT_WIDTH - LABEL);
        for (int i = 0; i < lines.size(); i++) {
            out.println(Text.pad(i == 0 ? label : "", LABEL) + lines.get(i));
        }
    }
}
