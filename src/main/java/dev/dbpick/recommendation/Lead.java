package dev.dbpick.recommendation;

import java.util.Optional;

/**
 * Who leads a ranking and by how many it is followed: the first pick's id ({@code null} when no
 * library is recommended) and how many libraries are recommended. What an explanation needs to
 * know of a changed profile's ranking ({@link Engine.Asker#lead}).
 */
public record Lead(String first, int recommended) {

    /** The first pick, if any library is recommended. */
    public Optional<String> top() {
        return Optional.ofNullable(first);
    }
}
