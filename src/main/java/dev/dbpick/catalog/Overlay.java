package dev.dbpick.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import dev.dbpick.support.SourceFile;
import dev.dbpick.support.Suggestions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The refreshed facts of one library, {@code data/refreshed/ID.yaml}: machine-owned, written by
 * {@code dbpick catalog refresh}, merged over the hand-written record when the catalog is read.
 * Each fact keeps the URL it came from and the date it was fetched.
 *
 * @param file  how messages name the file
 * @param id    the library id (the file is named after it)
 * @param facts by fact name ({@link FactNames})
 */
public record Overlay(String file, String id, Map<String, Fact> facts) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
    private static final Set<String> ADVISORY_FIELDS = Set.of("id", "aliases", "fixedIn", "summary");

    public Overlay {
        facts = java.util.Collections.unmodifiableMap(new TreeMap<>(facts));
    }

    /**
     * One refreshed fact.
     *
     * @param value   its value, shaped as the catalog field it replaces (advisories also carry {@code aliases})
     * @param source  the URL it was read from
     * @param fetched the date it was fetched, YYYY-MM-DD
     */
    public record Fact(JsonNode value, String source, String fetched) {
    }

    /** Reads one overlay file; adds what is wrong to {@code problems} and returns null when anything is. */
    public static Overlay read(SourceFile file, List<String> problems) {
        int before = problems.size();
        JsonNode root;
        try {
            root = Mappers.yaml().readTree(file.content());
        } catch (IOException e) {
            problems.add(file.name() + ": " + CatalogReader.readProblem(e));
            return null;
        }
        if (root == null || !root.isObject() || !root.path("id").isTextual() || !root.path("facts").isObject()
                || root.size() != 2) {
            problems.add(file.name() + ": expected two keys, \"id\" and \"facts\" (a file written by 'dbpick catalog refresh')");
            return null;
        }
        String id = root.get("id").asText();
        String expected = file.path().replaceFirst("^.*/", "").replaceFirst("\\.yaml$", "");
        if (!id.equals(expected)) {
            problems.add(file.name() + ": holds the facts of \"" + id + "\"; the file must be named " + id + ".yaml");
        }
        Map<String, Fact> facts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("facts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String where = file.name() + ": fact \"" + name + "\"";
            if (!FactNames.known(name)) {
                problems.add(where + ": not a fact a refresh writes" + Suggestions.didYouMean(name, FactNames.examples()));
                continue;
            }
            JsonNode node = entry.getValue();
            if (!node.isObject() || !node.has("value") || !node.path("source").isTextual() || !node.path("fetched").isTextual()
                    || node.size() != 3) {
                problems.add(where + ": expected value, source and fetched");
                continue;
            }
            String fetched = node.get("fetched").asText();
            if (!DATE.matcher(fetched).matches()) {
                problems.add(where + ": \"fetched\" must be a date, YYYY-MM-DD, got \"" + fetched + "\"");
                continue;
            }
            if (node.get("source").asText().isBlank()) {
                problems.add(where + ": \"source\" must name where the fact came from");
                continue;
            }
            String shape = shapeProblem(name, node.get("value"));
            if (shape != null) {
                problems.add(where + ": " + shape);
                continue;
            }
            facts.put(name, new Fact(node.get("value"), node.get("source").asText(), fetched));
        }
        return problems.size() > before ? null : new Overlay(file.name(), id, facts);
    }

    /** What is wrong with a fact's value for its name, or null. */
    static String shapeProblem(String name, JsonNode value) {
        if (name.equals(FactNames.DOWNLOAD_RANK)) {
            return value.isNull() || value.isIntegralNumber() && value.asInt() >= 1 ? null
                    : "expected a rank (1 or more), or null outside the ranking";
        }
        if (name.equals(FactNames.ADVISORIES)) {
            if (!value.isArray()) {
                return "expected a list of advisories";
            }
            for (JsonNode advisory : value) {
                List<String> keys = new ArrayList<>();
                advisory.fieldNames().forEachRemaining(keys::add);
                if (!advisory.isObject() || !Set.copyOf(keys).equals(ADVISORY_FIELDS) || !text(advisory.get("id"))
                        || !text(advisory.get("summary")) || !(advisory.get("fixedIn").isNull() || text(advisory.get("fixedIn")))
                        || !advisory.get("aliases").isArray()) {
                    return "every advisory needs id, aliases, fixedIn (null when unfixed) and summary";
                }
            }
            return null;
        }
        if (FactNames.release(name).isPresent()) {
            if (!value.isArray() || value.isEmpty()) {
                return "expected a non-empty list of Python versions";
            }
            for (JsonNode version : value) {
                if (!version.isTextual()) {
                    return "expected Python versions as text, e.g. \"3.12\"";
                }
            }
            return null;
        }
        return text(value) ? null : "expected text";
    }

    private static boolean text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }
}
