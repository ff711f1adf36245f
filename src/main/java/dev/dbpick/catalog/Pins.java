package dev.dbpick.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import dev.dbpick.support.SourceFile;
import dev.dbpick.support.Suggestions;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hand facts a refresh never overrides, {@code data/pinned.yaml}: per library id, the fact
 * names ({@link FactNames}) to keep as {@code data/catalog/} writes them. {@code python} pins the
 * Python versions of every release line.
 *
 * @param file  how messages name the file (empty when there is none)
 * @param byId  library id to its pinned facts
 */
public record Pins(String file, Map<String, Set<String>> byId) {

    /** No file, nothing pinned. */
    public static final Pins NONE = new Pins("", Map.of());

    public Pins {
        Map<String, Set<String>> copy = new TreeMap<>();
        byId.forEach((id, facts) -> copy.put(id, java.util.Collections.unmodifiableSet(new TreeSet<>(facts))));
        byId = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when {@code fact} of library {@code id} is pinned, directly or (for a release line) through {@code python}. */
    public boolean pinned(String id, String fact) {
        Set<String> facts = byId.getOrDefault(id, Set.of());
        return facts.contains(fact) || FactNames.release(fact).isPresent() && facts.contains(FactNames.PYTHON);
    }

    /** The pinned facts of one library, sorted. */
    public Set<String> of(String id) {
        return byId.getOrDefault(id, Set.of());
    }

    /** Reads {@code pinned.yaml}; adds what is wrong to {@code problems}. */
    public static Pins read(SourceFile file, List<String> problems) {
        JsonNode root;
        try {
            root = Mappers.yaml().readTree(file.content());
        } catch (IOException e) {
            problems.add(file.name() + ": " + CatalogReader.readProblem(e));
            return NONE;
        }
        JsonNode pinned = root == null ? null : root.get("pinned");
        if (root == null || !root.isObject() || root.size() != 1 || pinned == null || !(pinned.isObject() || pinned.isNull())) {
            problems.add(file.name() + ": expected one key, \"pinned\", mapping library ids to lists of facts, e.g."
                    + " {mssql-django: [maintenance.downloadRank]}");
            return NONE;
        }
        Map<String, Set<String>> byId = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = pinned.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Set<String> facts = new TreeSet<>();
            if (!entry.getValue().isArray()) {
                problems.add(file.name() + ": \"" + entry.getKey() + "\": expected a list of facts");
                continue;
            }
            for (JsonNode fact : entry.getValue()) {
                String name = fact.asText();
                if (!fact.isTextual() || !FactNames.pinnable(name)) {
                    problems.add(file.name() + ": \"" + entry.getKey() + "\": \"" + name + "\" is not a fact a refresh sets"
                            + Suggestions.didYouMean(name, FactNames.examples()) + "; pinnable: "
                            + String.join(", ", FactNames.examples()));
                } else {
                    facts.add(name);
                }
            }
            byId.put(entry.getKey(), facts);
        }
        return new Pins(file.name(), byId);
    }
}
