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
 * Reads {@code data/vocabulary.yaml} and {@code data/catalog/*.yaml}. Every problem is
 * reported with the file and the entry; any problem stops loading.
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
        if (files.isEmpty()) {
            throw new KnowledgeException("data/catalog: no catalog files (*.yaml)");
        }
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (SourceFile file : files) {
            entries.addAll(readEntries(file, problems));
        }
        if (!problems.isEmpty()) {
            // Root causes only: a record that cannot be read would make every reference to it
            // (alternatives, drivers) look broken too.
            throw new KnowledgeException(problems.size() + " problem(s) in the catalog", problems);
        }
        CatalogChecks checks = new CatalogChecks(vocabulary, questionnaire);
        Map<String, Entry> seen = new HashMap<>();
        Map<String, Library> byId = new HashMap<>();
        for (Entry entry : entries) {
            Entry first = seen.putIfAbsent(entry.library().id(), entry);
            if (first != null) {
                problems.add(entry.where() + ": duplicate id, first defined at " + first.where());
            } else {
                byId.put(entry.library().id(), entry.library());
            }
        }
        for (Entry entry : entries) {
            checks.check(entry.library(), byId)
                    .forEach(problem -> problems.add(entry.where() + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems.size() + " problem(s) in the catalog", problems);
        }
        return new Catalog(entries.stream().map(Entry::library).toList(), vocabulary);
    }

    private record Entry(String where, Library library) {
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
