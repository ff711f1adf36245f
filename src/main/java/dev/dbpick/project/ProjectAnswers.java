package dev.dbpick.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import dev.dbpick.profile.Profile;
import dev.dbpick.questionnaire.QuestionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers a project gave and the catalog libraries it uses: fills a profile document's
 * unanswered fields, says what it found in lines for the terminal, and tells where a library
 * stands in the project.
 */
public final class ProjectAnswers {

    private static final int NOTES_SHOWN = 5;
    private static final int FILES_SHOWN = 6;

    private final PythonProject project;
    private final List<Answer> answers;
    private final Map<String, Requirement> uses;
    private final List<String> usesOrder;
    private final List<String> notes;
    private final Catalog catalog;
    private final ObjectNode given;

    ProjectAnswers(PythonProject project, List<Answer> answers, Map<String, Requirement> uses, List<String> notes,
                   Catalog catalog, ObjectNode given) {
        this.project = project;
        this.answers = List.copyOf(answers);
        this.uses = Map.copyOf(uses);
        this.notes = List.copyOf(notes);
        this.catalog = catalog;
        this.given = given.deepCopy();
        this.usesOrder = List.copyOf(uses.keySet());
    }

    public List<Answer> answers() {
        return answers;
    }

    /** Writes the applied answers into the fields of {@code document} that it leaves out. */
    public void fill(ObjectNode document) {
        for (Answer answer : answers) {
            if (!answer.applied() || given.has(answer.field())) {
                continue;
            }
            if (Profile.FIELDS.get(answer.field()) == QuestionType.MULTIPLE) {
                JsonNode existing = document.get(answer.field());
                ArrayNode list = existing instanceof ArrayNode array ? array : document.putArray(answer.field());
                list.add(answer.value());
            } else {
                document.put(answer.field(), answer.value());
            }
        }
    }

    /** The catalog ids the project depends on, in the order declared. */
    public List<String> libraries() {
        return usesOrder;
    }

    /** What was read and found, for the terminal: a heading and indented lines. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        List<String> files = project.files();
        lines.add("read the project " + project.path());
        lines.add("  files: " + String.join(", ", files.stream().limit(FILES_SHOWN).toList())
                + (files.size() > FILES_SHOWN ? " and " + (files.size() - FILES_SHOWN) + " more" : ""));
        if (answers.isEmpty()) {
            lines.add("  it settles no answer");
        }
        for (Answer a : answers) {
            String line = "  from " + a.from() + ": " + a.field() + "=" + a.value() + " (" + a.because() + ")";
            if (!a.applied()) {
                line += "; not used: your answer is " + a.field() + "=" + yours(a.field());
            }
            lines.add(line);
        }
        if (!usesOrder.isEmpty()) {
            lines.add("  already uses: " + String.join(", ", usesOrder.stream()
                    .map(id -> name(id) + " (" + uses.get(id).at() + ")").toList()));
        }
        notes.stream().limit(NOTES_SHOWN).forEach(n -> lines.add("  note: " + n));
        if (notes.size() > NOTES_SHOWN) {
            lines.add("  and " + (notes.size() - NOTES_SHOWN) + " more notes (--format json lists them)");
        }
        return lines;
    }

    private String yours(String field) {
        JsonNode value = given.get(field);
        if (value == null) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    /** The JSON part of an answer. */
    public ProjectSummary summary() {
        List<ProjectSummary.Used> used = usesOrder.stream().map(id -> new ProjectSummary.Used(id, name(id),
                uses.get(id).at().toString(), scope(uses.get(id)))).toList();
        return new ProjectSummary(project.path(), project.files(), answers, used, notes);
    }

    /** Where a library stands in the project, for the profile answered ("the same database" is one of its databases). */
    public Standing standing(String id, Profile profile) {
        Requirement declared = uses.get(id);
        if (declared != null) {
            return new Standing(true, declared.at().toString(), scope(declared), List.of());
        }
        Library pick = catalog.find(id).orElse(null);
        if (pick == null) {
            return new Standing(false, null, null, List.of());
        }
        List<Standing.Replaced> replaced = new ArrayList<>();
        for (String usedId : usesOrder) {
            Library used = catalog.find(usedId).orElse(null);
            if (used != null && replaces(pick, used, profile)) {
                replaced.add(new Standing.Replaced(used.id(), used.name(), uses.get(usedId).at().toString()));
            }
        }
        return new Standing(false, null, null, replaced);
    }

    /**
     * The same kind of library for the same database, neither running on the other (Django's
     * Redis cache runs on redis-py) nor working with the other's code (SQLModel works with the
     * SQLAlchemy models a project has: the catalog lists sqlalchemy among its integrations).
     */
    private static boolean replaces(Library pick, Library used, Profile profile) {
        if (pick.id().equals(used.id()) || pick.kinds().stream().noneMatch(used.kinds()::contains)) {
            return false;
        }
        if (runsOn(pick, used.id()) || runsOn(used, pick.id()) || pick.integratesWith(used.id())
                || used.integratesWith(pick.id())) {
            return false;
        }
        Collection<String> databases = profile.hasDatabases() ? profile.databases() : pick.databases();
        boolean shared = databases.stream().anyMatch(d -> pick.databases().contains(d) && used.databases().contains(d));
        return shared || !profile.hasDatabases() && pick.databases().isEmpty() && used.databases().isEmpty();
    }

    private static boolean runsOn(Library library, String driver) {
        return library.runsOn().values().stream().anyMatch(d -> d.sync().contains(driver) || d.async().contains(driver));
    }

    private String name(String id) {
        return catalog.find(id).map(Library::name).orElse(id);
    }

    private static String scope(Requirement r) {
        return r.scope().name().toLowerCase(Locale.ROOT);
    }
}
