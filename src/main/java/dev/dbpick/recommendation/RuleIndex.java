package dev.dbpick.recommendation;

import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.support.KnowledgeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of one knowledge revision by bit and its libraries by place (catalog order), so
 * that "these rules exclude this library" is a row of bits ({@link Screen}) and "these rules
 * may read this answer" is one too ({@link #readers}): what screens, and the explanations that
 * compare screens pair by pair, work on. Thread-safe; one per engine.
 */
public final class RuleIndex {

    private final List<String> rules;
    private final Map<String, Integer> bits = new HashMap<>();
    private final List<Library> libraries;
    private final Map<String, Integer> places = new HashMap<>();
    private final Map<String, Set<String>> profileReads;
    private final int words;
    /** The rules that may read each answer, filled as asked for; the key "" holds those whose reads are not known. */
    private final Map<String, long[]> readers = new ConcurrentHashMap<>();

    public RuleIndex(Knowledge knowledge) {
        this.rules = knowledge.rules().names();
        for (int i = 0; i < rules.size(); i++) {
            bits.put(rules.get(i), i);
        }
        this.libraries = knowledge.catalog().libraries();
        for (int i = 0; i < libraries.size(); i++) {
            places.put(libraries.get(i).id(), i);
        }
        this.profileReads = knowledge.rules().profileReads();
        this.words = (rules.size() + 63) / 64;
    }

    /** Longs in a row of rule bits. */
    public int words() {
        return words;
    }

    /** How many libraries the catalog has: places run from 0 to this, exclusive. */
    public int libraries() {
        return libraries.size();
    }

    List<Library> catalog() {
        return libraries;
    }

    /** A library's place in catalog order, or -1 when the catalog does not have it. */
    public int place(String library) {
        Integer place = places.get(library);
        return place == null ? -1 : place;
    }

    /** A library's place; a fact about an id the catalog does not have is a fault in the rules. */
    int placeOf(String library) {
        int place = place(library);
        if (place < 0) {
            throw new KnowledgeException("a rule derived a fact about \"" + library + "\", which is not a library of the catalog");
        }
        return place;
    }

    String library(int place) {
        return libraries.get(place).id();
    }

    /** A rule's bit; every rule that can fire has one. */
    int bit(String rule) {
        Integer bit = bits.get(rule);
        if (bit == null) {
            throw new IllegalStateException("no rule \"" + rule + "\" in this knowledge base");
        }
        return bit;
    }

    String rule(int bit) {
        return rules.get(bit);
    }

    /**
     * The rules that may read an answer ({@code databases}, or {@code constraints.migrations} for
     * one flag), as a row of bits: those whose reads cover it, and those whose reads are not known.
     */
    public long[] readers(String answer) {
        return readers.computeIfAbsent(answer, a -> {
            long[] row = new long[words];
            for (int bit = 0; bit < rules.size(); bit++) {
                if (reads(rules.get(bit), a)) {
                    row[bit >> 6] |= 1L << bit;
                }
            }
            return row;
        });
    }

    /** The rules whose reads of the profile are not known: they may read any answer. */
    public long[] unknownReaders() {
        return readers("");
    }

    /** Whether a rule may read an answer; true when what it reads is not known ({@code ""} asks for just those). */
    private boolean reads(String rule, String answer) {
        Set<String> read = profileReads.get(rule);
        if (read == null) {
            return true;
        }
        for (String field : read) {
            if (!answer.isEmpty() && (field.equals(answer) || answer.startsWith(field + ".") || field.startsWith(answer + "."))) {
                return true;
            }
        }
        return false;
    }

    /** By library place, whether the library has a row of excluding rules. */
    static boolean[] excluded(long[][] rows) {
        boolean[] excluded = new boolean[rows.length];
        for (int place = 0; place < rows.length; place++) {
            excluded[place] = rows[place] != null;
        }
        return excluded;
    }

    /** Sets a rule's bit in a library's row, making the row when the library had none. */
    void exclude(long[][] rows, int place, int bit) {
        long[] row = rows[place];
        if (row == null) {
            row = new long[words];
            rows[place] = row;
        }
        row[bit >> 6] |= 1L << bit;
    }
}
