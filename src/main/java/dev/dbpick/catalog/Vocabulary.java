package dev.dbpick.catalog;

import java.util.List;
import java.util.Map;

/**
 * The allowed values of the catalog's fields, from {@code data/vocabulary.yaml}: for each list
 * (kinds, deployment, asyncKinds, ...) the values and what they mean.
 */
public record Vocabulary(Map<String, Map<String, String>> lists) implements java.io.Serializable {

    /** The lists the catalog needs; a vocabulary file without one of them is invalid. */
    public static final List<String> REQUIRED = List.of(
            "kinds", "deployment", "asyncKinds", "install", "typing", "copyleft",
            "lifecycle", "devStatus", "traits", "migrationKinds", "cacheRoles");

    public Vocabulary {
        lists = Map.copyOf(lists);
    }

    public boolean allows(String list, String value) {
        return lists.getOrDefault(list, Map.of()).containsKey(value);
    }

    public List<String> values(String list) {
        return List.copyOf(lists.getOrDefault(list, Map.of()).keySet());
    }

    /** What a value means, e.g. {@code describe("asyncKinds", "bridge")}; the value itself if unknown. */
    public String describe(String list, String value) {
        return lists.getOrDefault(list, Map.of()).getOrDefault(value, value);
    }
}
