package dev.dbpick.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import dev.dbpick.questionnaire.Choice;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a project's dependencies say about the profile, each answer with the line it came from.
 * Only dependencies that run with the project count (not test or lint groups), and only those
 * whose markers may hold on the Python versions it supports. The values are the
 * questionnaire's choices; which database a package means comes from the catalog.
 */
public final class Inference {

    /** Web frameworks the questionnaire calls "other". */
    private static final Set<String> OTHER_FRAMEWORKS = Set.of("sanic", "tornado", "starlite", "quart", "falcon",
            "bottle", "cherrypy", "blacksheep", "robyn", "emmett", "masonite", "hug", "microdot");
    /** Framework choices a dependency does not settle: most projects use aiohttp as an HTTP client. */
    private static final Set<String> NOT_INFERRED = Set.of("aiohttp");
    /** A framework built on another: a project on FastAPI often names Starlette too, and FastAPI is the answer. */
    private static final Map<String, String> BUILT_ON = Map.of("fastapi", "starlette");
    /** Packages whose use means the code runs on asyncio. */
    private static final Set<String> ASYNCIO = Set.of("fastapi", "starlette", "aiohttp", "sanic", "quart", "litestar",
            "starlite", "blacksheep", "tornado", "uvloop", "robyn");
    /** Packages that mean a tool of alreadyUses, besides the tool's own name. */
    private static final Map<String, List<String>> TOOLS = Map.of(
            "pyarrow", List.of("arrow"),
            "polars-lts-cpu", List.of("polars"),
            "pydantic-settings", List.of("pydantic"),
            "fastapi", List.of("pydantic"),
            "sqlmodel", List.of("sqlalchemy", "pydantic"),
            "flask-sqlalchemy", List.of("sqlalchemy"),
            "alembic", List.of("sqlalchemy"));
    /** Distribution names that are not the tool of the same name: "arrow" on PyPI is a dates library. */
    private static final Set<String> NOT_THE_TOOL = Set.of("arrow");

    private final Questionnaire questionnaire;
    private final Catalog catalog;
    private final PackageNames names;

    public Inference(Questionnaire questionnaire, Catalog catalog) {
        this.questionnaire = questionnaire;
        this.catalog = catalog;
        this.names = new PackageNames(catalog);
    }

    /**
     * The answers the project gives. Those for fields {@code given} already answers (the
     * profile file and the flags) are kept but not applied.
     */
    public ProjectAnswers infer(PythonProject project, ObjectNode given) {
        List<Answer> answers = new ArrayList<>();
        List<String> notes = new ArrayList<>(project.notes());
        List<String> runsOn = python(project, given, answers, notes);
        List<Requirement> active = new ArrayList<>();
        for (Requirement r : project.requirements()) {
            if (r.marker().mayHoldOn(runsOn)) {
                active.add(r);
            } else if (r.direct()) {
                notes.add(r.at() + ": " + r.name() + " left out: its marker (" + r.marker().text() + ") holds on none of Python "
                        + String.join(", ", runsOn));
            }
        }
        List<Requirement> runtime = active.stream().filter(r -> r.direct() && r.scope().runtime()).toList();
        if (runtime.isEmpty()) {
            runtime = active.stream().filter(r -> !r.direct() && r.scope().runtime()).toList();
            if (!runtime.isEmpty()) {
                notes.add("no dependency is declared: the locked ones were read instead");
            }
        }
        framework(runtime, answers, notes);
        async(runtime, answers);
        tools(runtime, answers);
        databases(runtime, given, answers, notes);
        Map<String, Requirement> uses = new LinkedHashMap<>();
        List<Requirement> declared = active.stream().filter(Requirement::direct).toList();
        for (Requirement r : declared.isEmpty() ? runtime : declared) {
            if (r.scope().runtime()) {
                names.library(r.name()).ifPresent(l -> uses.putIfAbsent(l.id(), r));
            }
        }
        for (Requirement r : declared) {
            names.library(r.name()).ifPresent(l -> uses.putIfAbsent(l.id(), r));
        }
        List<Answer> marked = answers.stream().map(a -> given.has(a.field()) ? a.overridden() : a).toList();
        return new ProjectAnswers(project, marked, uses, notes, catalog, given);
    }

    /** The lowest of the questionnaire's Python versions the project allows; returns the versions it runs on. */
    private List<String> python(PythonProject project, ObjectNode given, List<Answer> answers, List<String> notes) {
        List<String> series = question("python").map(Question::values).orElse(List.of()).stream()
                .filter(v -> v.matches("\\d+\\.\\d+")).toList();
        List<String> allowed = series;
        if (!project.pythons().isEmpty() && !series.isEmpty()) {
            PythonProject.Python stated = project.pythons().get(0);
            allowed = series.stream().filter(s -> {
                int[] v = VersionRange.release(s);
                return stated.range().allowsSeries(v[0], v[1]);
            }).toList();
            if (allowed.isEmpty()) {
                notes.add(stated.at() + ": " + stated.written() + " allows none of Python " + String.join(", ", series)
                        + "; python left open");
                allowed = series;
            } else {
                answers.add(new Answer("python", allowed.get(0), stated.at(), stated.written()));
            }
        }
        JsonNode chosen = given.get("python");
        return chosen != null && chosen.isTextual() && series.contains(chosen.asText()) ? List.of(chosen.asText()) : allowed;
    }

    private void framework(List<Requirement> runtime, List<Answer> answers, List<String> notes) {
        Optional<Question> question = question("framework");
        if (question.isEmpty()) {
            return;
        }
        Map<String, String> frameworks = new LinkedHashMap<>();
        for (Choice choice : question.get().choices()) {
            if (!choice.value().equals("other") && !choice.value().equals("none") && !NOT_INFERRED.contains(choice.value())) {
                frameworks.put(choice.value(), choice.value());
                choice.aliases().forEach(a -> frameworks.putIfAbsent(Requirement.normalize(a), choice.value()));
            }
        }
        Map<String, Requirement> direct = new LinkedHashMap<>();
        Map<String, Requirement> plugins = new LinkedHashMap<>();
        Requirement other = null;
        for (Requirement r : runtime) {
            String framework = frameworks.get(r.name());
            if (framework != null) {
                direct.putIfAbsent(framework, r);
                continue;
            }
            String madeFor = names.library(r.name()).map(Library::requiresFramework).orElse(null);
            if (madeFor == null) {
                madeFor = frameworks.values().stream().filter(f -> r.name().startsWith(f + "-")).findFirst()
                        .orElse(r.name().equals("djangorestframework") ? "django" : null);
            }
            if (madeFor != null && question.get().allows(madeFor)) {
                plugins.putIfAbsent(madeFor, r);
            } else if (other == null && OTHER_FRAMEWORKS.contains(r.name()) && question.get().allows("other")) {
                other = r;
            }
        }
        BUILT_ON.forEach((framework, base) -> {
            if (direct.containsKey(framework)) {
                direct.remove(base);
            }
        });
        Map<String, Requirement> found = !direct.isEmpty() ? direct : plugins;
        if (found.size() == 1) {
            Map.Entry<String, Requirement> only = found.entrySet().iterator().next();
            Requirement r = only.getValue();
            answers.add(new Answer("framework", only.getKey(), r.at(), r.written()
                    + (direct.isEmpty() ? ", made for " + only.getKey() : "")));
        } else if (found.size() > 1) {
            List<String> each = found.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().at() + ")").toList();
            notes.add("several web frameworks: " + String.join(", ", each) + "; framework left open");
        } else if (other != null) {
            answers.add(new Answer("framework", "other", other.at(), other.written()));
        }
    }

    private void async(List<Requirement> runtime, List<Answer> answers) {
        Optional<Question> question = question("async");
        if (question.isEmpty() || !question.get().allows("preferred")) {
            return;
        }
        for (Requirement r : runtime) {
            String why = ASYNCIO.contains(r.name()) || r.name().startsWith("aio") ? r.written() + ", an asyncio package"
                    : names.asyncOnly(r.name()) ? r.written() + ", asyncio only"
                    : r.extras().contains("asyncio") ? r.written() + ", its asyncio extra" : null;
            if (why != null) {
                answers.add(new Answer("async", "preferred", r.at(), why));
                return;
            }
        }
    }

    private void tools(List<Requirement> runtime, List<Answer> answers) {
        Optional<Question> question = question("alreadyUses");
        if (question.isEmpty()) {
            return;
        }
        Map<String, Answer> found = new LinkedHashMap<>();
        for (Requirement r : runtime) {
            if (question.get().allows(r.name()) && !NOT_THE_TOOL.contains(r.name())) {
                found.putIfAbsent(r.name(), new Answer("alreadyUses", r.name(), r.at(), r.written()));
            }
            List<String> implied = new ArrayList<>(TOOLS.getOrDefault(r.name(), List.of()));
            names.library(r.name()).filter(Library::pydantic).ifPresent(l -> implied.add("pydantic"));
            for (String tool : implied) {
                if (question.get().allows(tool) && !found.containsKey(tool)) {
                    found.put(tool, new Answer("alreadyUses", tool, r.at(), r.written()
                            + (tool.equals(r.name()) || r.name().contains(tool) ? "" : ", which builds on " + tool)));
                }
            }
        }
        answers.addAll(found.values());
    }

    private void databases(List<Requirement> runtime, ObjectNode given, List<Answer> answers, List<String> notes) {
        Optional<Question> question = question("databases");
        if (question.isEmpty()) {
            return;
        }
        Map<String, String> spellings = new LinkedHashMap<>();
        for (Choice choice : question.get().choices()) {
            spellings.put(choice.value(), choice.value());
            choice.aliases().forEach(a -> spellings.putIfAbsent(Requirement.normalize(a), choice.value()));
        }
        Map<String, Answer> found = new LinkedHashMap<>();
        for (Requirement r : runtime) {
            names.database(r.name()).filter(question.get()::allows).ifPresent(db ->
                    found.putIfAbsent(db, new Answer("databases", db, r.at(), r.written())));
            for (String extra : r.extras()) {
                List<String> words = new ArrayList<>(List.of(extra));
                words.addAll(List.of(extra.split("-")));
                for (String word : words) {
                    Optional<String> db = names.database(word).or(() -> Optional.ofNullable(spellings.get(word)));
                    db.filter(question.get()::allows).ifPresent(d ->
                            found.putIfAbsent(d, new Answer("databases", d, r.at(), r.written() + ", its " + extra + " extra")));
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        String purpose = given.path("purpose").asText(null);
        // The stores of the data first, then cache servers: "postgresql and redis", whatever the order of the files.
        List<Answer> all = found.values().stream().sorted(java.util.Comparator.comparing(a -> cacheServer(a.value()))).toList();
        List<Answer> stores = all.stream().filter(a -> !cacheServer(a.value())).toList();
        List<Answer> kept = "cache".equals(purpose) ? all.stream().filter(a -> cacheServer(a.value())).toList()
                : purpose != null && !"stack".equals(purpose) && !stores.isEmpty() ? stores : all;
        if (kept.size() < found.size()) {
            List<String> left = found.keySet().stream().filter(d -> kept.stream().noneMatch(a -> a.value().equals(d))).toList();
            notes.add("for purpose " + purpose + ", " + String.join(", ", left) + " left out of databases");
        }
        if (kept.size() > 1 && purpose == null && !given.has("databases") && question("purpose").map(q -> q.allows("stack"))
                .orElse(false)) {
            Answer first = kept.get(0);
            answers.add(new Answer("purpose", "stack", first.from(), String.join(" and ",
                    kept.stream().map(Answer::value).toList()) + ": a whole data layer, one pick per database", true));
        } else if (kept.size() > 1 && purpose != null && !"stack".equals(purpose)) {
            notes.add("several databases (" + String.join(", ", kept.stream().map(Answer::value).toList())
                    + "): one library must work with all of them; --database names the one to pick for");
        }
        answers.addAll(kept);
    }

    /** A database that cache libraries reach as a server: a catalog driver that is also a cache runs on it (Redis, Memcached). */
    private boolean cacheServer(String database) {
        return catalog.libraries().stream().anyMatch(l -> l.kinds().contains("driver") && l.kinds().contains("cache")
                && l.databases().contains(database));
    }

    private Optional<Question> question(String field) {
        return questionnaire.find(field);
    }
}
