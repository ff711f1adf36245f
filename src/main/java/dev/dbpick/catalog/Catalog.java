package dev.dbpick.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated catalog: every library once, by id, plus the vocabulary its values come from,
 * and where each library's facts came from (hand-written, or refreshed over the hand record).
 * Serializable for the command line's cache of parsed data ({@code CompiledRulesCache}).
 */
public final class Catalog implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Library> sorted;
    private final Map<String, Library> byId = new LinkedHashMap<>();
    private final Vocabulary vocabulary;
    private final Map<String, Provenance> provenance;

    public Catalog(List<Library> libraries, Vocabulary vocabulary) {
        this(libraries, vocabulary, Map.of());
    }

    /** A catalog whose libraries' facts came from where {@code provenance} says (hand-written when absent). */
    public Catalog(List<Library> libraries, Vocabulary vocabulary, Map<String, Provenance> provenance) {
        this.sorted = libraries.stream().sorted(Comparator.comparing(Library::id)).toList();
        sorted.forEach(l -> byId.put(l.id(), l));
        this.vocabulary = vocabulary;
        this.provenance = Map.copyOf(provenance);
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

    /** Where the facts of a library in this catalog came from. */
    public Provenance provenance(String id) {
        Provenance known = provenance.get(id);
        if (known != null) {
            return known;
        }
        Library library = byId.get(id);
        if (library == null) {
            throw new IllegalArgumentException("no library " + id);
        }
        return Provenance.hand(library.asOf(), List.of());
    }
}
