package dev.dbpick.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated catalog: every library once, by id, plus the vocabulary its values come from. */
public final class Catalog {

    private final List<Library> sorted;
    private final Map<String, Library> byId = new LinkedHashMap<>();
    private final Vocabulary vocabulary;

    public Catalog(List<Library> libraries, Vocabulary vocabulary) {
        this.sorted = libraries.stream().sorted(Comparator.comparing(Library::id)).toList();
        sorted.forEach(l -> byId.put(l.id(), l));
        this.vocabulary = vocabulary;
    }

    /** All libraries, sorted by id; the same immutable list on every call (the engine reads it per request). */
    public List<Library> libraries() {
        return sorted;
    }

    public Optional<Library> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
