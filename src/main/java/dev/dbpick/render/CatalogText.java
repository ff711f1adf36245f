package dev.dbpick.render;

import dev.dbpick.support.Text;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Provenance;
import dev.dbpick.catalog.Vocabulary;
import java.io.PrintWriter;
import java.util.List;

/** Plain-text views of the catalog: the list table and one library's facts. */
public final class CatalogText {

    private static final int LABEL = 14;

    private CatalogText() {
    }

    /**
     * One line per library at the given width; the databases column wraps onto further lines
     * rather than being cut, so a database the reader looks for is never hidden.
     */
    public static void table(List<Library> libraries, int width, PrintWriter out) {
        int id = Math.max(4, libraries.stream().mapToInt(l -> l.id().length()).max().orElse(2)) + 2;
        int kind = Math.max(6, libraries.stream().mapToInt(l -> l.primaryKind().length()).max().orElse(4)) + 2;
        int fixed = id + kind + 8 + 13 + 9 + 12;
        int databases = Math.max(12, width - fixed);
        out.println(Text.pad("ID", id) + Text.pad("KIND", kind) + Text.pad("ASYNC", 8) + Text.pad("LICENSE", 13)
                + Text.pad("RELEASED", 9) + Text.pad("FACTS AS OF", 12) + "DATABASES");
        for (Library l : libraries) {
            String line = Text.pad(l.id(), id)
                    + Text.pad(l.primaryKind(), kind)
                    + Text.pad(l.async().kind(), 8)
                    + Text.pad(Text.truncate(l.license(), 12), 13)
                    + Text.pad(l.maintenance().released(), 9)
                    + Text.pad(l.asOf(), 12);
            List<String> parts = Text.wrap(l.databases().isEmpty() ? "-" : String.join(", ", l.databases()), databases);
            out.println(line + parts.get(0));
            parts.stream().skip(1).forEach(part -> out.println(" ".repeat(fixed) + part));
        }
        Text.wrap(libraries.size() + " libraries; 'dbpick catalog show ID' gives the facts and sources of one.", width)
                .forEach(out::println);
    }

    /**
     * One library as {@code catalog show --format json} gives it: the record's fields, each
     * refreshed advisory with its {@code aliases}, and {@code refresh}: the hand record's date,
     * the refreshed facts with their source and fetch date, and the pinned facts.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode document(Library l, Provenance provenance) {
        com.fasterxml.jackson.databind.node.ObjectNode node = dev.dbpick.support.Mappers.json().valueToTree(l);
        for (com.fasterxml.jackson.databind.JsonNode advisory : node.path("advisories")) {
            List<String> aliases = provenance.aliasesOf(advisory.path("id").asText());
            if (!aliases.isEmpty()) {
                aliases.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) advisory).putArray("aliases")::add);
            }
        }
        node.set("refresh", dev.dbpick.support.Mappers.json().valueToTree(provenance));
        return node;
    }

    public static void details(Library l, Vocabulary vocabulary, PrintWriter out) {
        details(l, Provenance.hand(l.asOf(), List.of()), vocabulary, out);
    }

    public static void details(Library l, Provenance provenance, Vocabulary vocabulary, PrintWriter out) {
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
        if (l.cacheRole() != null) {
            field(out, "cache role", l.cacheRole() + " - " + vocabulary.describe("cacheRoles", l.cacheRole()));
        }
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
            List<String> aliases = provenance.aliasesOf(advisory.id());
            field(out, "advisory", advisory.id() + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")")
                    + (advisory.unfixed() ? " (no fix)" : " (fixed in " + advisory.fixedIn() + ")")
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
        field(out, "as of", l.asOf().equals(provenance.handAsOf()) ? l.asOf()
                : l.asOf() + " (refreshed; the hand-written facts were checked " + provenance.handAsOf() + ")");
        java.util.Map<String, List<String>> refreshed = new java.util.LinkedHashMap<>();
        provenance.refreshed().forEach(o -> refreshed.computeIfAbsent("from " + o.source() + " on " + o.fetched(),
                k -> new java.util.ArrayList<>()).add(o.fact()));
        refreshed.forEach((where, facts) -> field(out, "refreshed", String.join(", ", facts) + " " + where));
        if (!provenance.pinned().isEmpty()) {
            field(out, "pinned", String.join(", ", provenance.pinned()) + " (as written: a refresh never overrides them)");
        }
    }

    private static void field(PrintWriter out, String label, String value) {
        List<String> lines = Text.wrap(value, View.DEFAULT_WIDTH - LABEL);
        for (int i = 0; i < lines.size(); i++) {
            out.println(Text.pad(i == 0 ? label : "", LABEL) + lines.get(i));
        }
    }
}
