package dev.dbpick.refresh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.util.Locale;

/** Reading the sources' JSON answers. */
final class Documents {

    private Documents() {
    }

    /** The answer as JSON; a malformed answer is a failure of the request, said in one line. */
    static JsonNode read(PoliteClient.Answer answer) throws FetchException {
        try {
            JsonNode document = Mappers.json().readTree(answer.body());
            if (document == null || document.isMissingNode()) {
                throw new FetchException(FetchException.Kind.MALFORMED, "empty answer");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new FetchException(FetchException.Kind.MALFORMED, "malformed JSON (" + Mappers.describe(e) + ")");
        } catch (IOException | RuntimeException e) {
            throw new FetchException(FetchException.Kind.MALFORMED, "malformed JSON");
        }
    }

    /** A package name as the index compares names (PEP 503): lower case, runs of -, _ and . as one -. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
