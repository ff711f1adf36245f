package dev.dbpick.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbpick.support.Mappers;
import java.io.UncheckedIOException;

/** Writes values as indented JSON. */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        try {
            return Mappers.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
