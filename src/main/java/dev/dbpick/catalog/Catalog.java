package dev.dbpick.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated catalog: every library once, by id, plus the vocabulary its values come from. */
public final class Catalog {

    private final Map<String, Library> byId = new LinkedHashMap<>();
    private final Vocabulary vocabulary;

    public Catalog(List<Library> libraries, Vocabulary vocabulary) {
        libraries.stream().sorted(Comparator.comparing(Library::id)).forEach(l -> byId.put(l.id(), l));
        this.vocabulary = vocabulary;
    }

    /** All libraries, sorted by id. */
    public List<Library> libraries() {
        return List.copyOf(byId.values());
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
