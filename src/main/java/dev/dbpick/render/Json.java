package dev.dbpick.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbpick.support.Mappers;
import java.io.UncheckedIOException;

/** Writes values as JSON: indented for documents, compact for one-line snippets. */
public final class Json {

    private Json() {
    }

    /** On one line, as a snippet to paste. */
    public static String compact(Object value) {
        try {
            return Mappers.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return Mappers.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
