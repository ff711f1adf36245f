package dev.dbpick.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbpick.support.Mappers;
import java.io.UncheckedIOException;

/** Writes values as indented JSON. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return Mappers.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
