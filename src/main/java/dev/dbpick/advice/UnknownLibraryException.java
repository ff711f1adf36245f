package dev.dbpick.advice;

import dev.dbpick.support.Suggestions;
import dev.dbpick.support.Text;
import java.util.Collection;

/** A library id the catalog does not hold; the message suggests the closest one. */
public final class UnknownLibraryException extends RuntimeException {

    private final String id;

    public UnknownLibraryException(String id, Collection<String> known) {
        super("unknown library \"" + Text.truncate(id, 40) + "\"" + Suggestions.didYouMean(id, known));
        this.id = id;
    }

    public String id() {
        return id;
    }
}
