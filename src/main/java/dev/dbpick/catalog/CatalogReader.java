package dev.dbpick.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.SourceFile;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code data/vocabulary.yaml} and {@code data/catalog/*.yaml}, with the refreshed facts
 * of {@code data/refreshed/*.yaml} laid over the hand-written records ({@link OverlayMerge}).
 * Every problem is reported with the file and the entry; any problem stops loading.
 */
public final class CatalogReader {

    private CatalogReader() {
    }

    public static Vocabulary readVocabulary(SourceFile file) {
        Map<String, Map<String, String>> lists;
        try {
            lists = Mappers.yaml().readValue(file.content(), new TypeReference<Map<String, Map<String, String>>>() { });
        } catch (IOException e) {
            throw new KnowledgeException(file.name() + ": " + readProblem(e));
        }
        if (lists == null) {
            throw new KnowledgeException(file.name() + ": empty");
        }
        List<String> missing = Vocabulary.REQUIRED.stream().filter(l -> !lists.containsKey(l)).toList();
        if (!missing.isEmpty()) {
            throw new KnowledgeException(file.name() + ": missing lists " + String.join(", ", missing));
        }
        return new Vocabulary(lists);
    }

    public static Catalog read(List<SourceFile> files, Vocabulary vocabulary, Questionnaire questionnaire) {
        return read(files, List.of(), List.of(), null, vocabulary, questionnaire);
    }

    /** Reads the hand-written records with refreshed facts laid over them; no team layer. */
    public static Catalog read(List<SourceFile> files, List<SourceFile> overlays, SourceFile pinned, Vocabulary vocabulary,
                               Questionnaire questionnaire) {
        return read(files, List.of(), overlays, pinned, vocabulary, questionnaire);
    }

    /**
     * Reads the hand-written records, replaces each with the team's record of the same id
     * ({@code teamFiles}, a team's {@code catalog/*.yaml}; a new id is added), lays the refreshed
     * facts of {@code overlays} ({@code refreshed/ID.yaml}) over them except where {@code pinned}
     * ({@code pinned.yaml}, or null) keeps the hand value, and checks the merged records.
     */
    public static Catalog read(List<SourceFile> files, List<SourceFile> teamFiles, List<SourceFile> overlays, SourceFile pinned,
                               Vocabulary vocabulary, Questionnaire questionnaire) {
        if (files.isEmpty()) {
            throw new KnowledgeException("data/catalog: no catalog files (*.yaml)");
        }
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (SourceFile file : files) {
            entries.addAll(readEntries(file, problems));
        }
        replaceWithTeam(entries, teamFiles, problems);
        Map<String, Overlay> overlayById = new HashMap<>();
        for (SourceFile file : overlays) {
            Overlay overlay = Overlay.read(file, problems);
            if (overlay != null) {
                overlayById.put(overlay.id(), overlay);
            }
        }
        Pins pins = pinned == null ? Pins.NONE : Pins.read(pinned, problems);
        if (!problems.isEmpty()) {
            // Root causes only: a record that cannot be read would make every reference to it
            // (alternatives, drivers) look broken too.
            throw new KnowledgeException(problems.size() + " problem(s) in the catalog", problems);
        }
        CatalogChecks checks = new CatalogChecks(vocabulary, questionnaire);
        Map<String, Entry> seen = new HashMap<>();
        Map<String, Library> byId = new HashMap<>();
        Map<String, Provenance> provenance = new HashMap<>();
        List<Entry> merged = new ArrayList<>();
        for (Entry entry : entries) {
            Entry first = seen.putIfAbsent(entry.library().id(), entry);
            if (first != null) {
                problems.add(entry.where() + ": duplicate id, first defined at " + first.where());
                merged.add(entry);   // still checked, as written
                continue;
            }
            Overlay overlay = overlayById.get(entry.library().id());
            OverlayMerge.Merged result = OverlayMerge.apply(entry.library(), overlay, pins);
            Entry used = new Entry(overlay == null ? entry.where() : entry.where() + " with " + overlay.file(), result.library());
            merged.add(used);
            byId.put(used.library().id(), used.library());
            provenance.put(used.library().id(), result.provenance());
        }
        overlayById.values().stream().filter(o -> !seen.containsKey(o.id())).map(Overlay::file).sorted()
                .forEach(file -> problems.add(file + ": no catalog record has this id; delete the file or restore the record"));
        pins.byId().keySet().stream().filter(id -> !seen.containsKey(id)).sorted()
                .forEach(id -> problems.add(pins.file() + ": \"" + id + "\" is not a catalog id"
                        + dev.dbpick.support.Suggestions.didYouMean(id, seen.keySet())));
        for (Entry entry : merged) {
            checks.check(entry.library(), byId)
                    .forEach(problem -> problems.add(entry.where() + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems.size() + " problem(s) in the catalog", problems);
        }
        return new Catalog(merged.stream().map(Entry::library).toList(), vocabulary, provenance);
    }

    private record Entry(String where, Library library) {
    }

    /**
     * A team's record replaces the bundled record of the same id whole, where it stood (a team
     * states every fact of a library it redefines, so no bundled fact leaks into it unseen); a
     * record with a new id is added. Two team records with one id are a duplicate like any other.
     */
    private static void replaceWithTeam(List<Entry> entries, List<SourceFile> teamFiles, List<String> problems) {
        Map<String, Integer> bundled = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            bundled.putIfAbsent(entries.get(i).library().id(), i);
        }
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (SourceFile file : teamFiles) {
            for (Entry entry : readEntries(file, problems)) {
                Integer at = bundled.get(entry.library().id());
                if (at != null && replaced.add(entry.library().id())) {
                    entries.set(at, new Entry(entry.where() + " (replacing " + entries.get(at).where() + ")", entry.library()));
                } else {
                    entries.add(entry);
                }
            }
        }
    }

    private static List<Entry> readEntries(SourceFile file, List<String> problems) {
        JsonNode root;
        try {
            root = Mappers.yaml().readTree(file.content());
        } catch (IOException e) {
            problems.add(file.name() + ": " + readProblem(e));
            return List.of();
        }
        JsonNode list = root == null ? null : root.get("libraries");
        if (root == null || !root.isObject() || list == null || !list.isArray() || root.size() != 1) {
            problems.add(file.name() + ": expected one key, \"libraries\", holding a list of records");
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            JsonNode id = node.get("id");
            String where = file.name() + ": entry " + (i + 1)
                    + (id != null && id.isTextual() ? " (" + id.asText() + ")" : "");
            var unknown = Mappers.unknownField(node, Library.class);
            if (unknown.isPresent()) {
                problems.add(where + ": " + unknown.get());
                continue;
            }
            try {
                entries.add(new Entry(where, Mappers.yaml().treeToValue(node, Library.class)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(where + ": " + readProblem(e));
            }
        }
        return entries;
    }

    /** One line saying what is wrong with a record Jackson could not read. */
    static String readProblem(Exception e) {
        if (e instanceof JsonProcessingException p) {
            return Mappers.describe(p);
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
