package dev.dbpick.recommendation;

import java.util.List;

/** A library that fails at least one hard constraint, with every reason. */
public record Excluded(String id, String name, List<Note> reasons) {

    public Excluded {
        reasons = List.copyOf(reasons);
    }
}
