package dev.dbpick.ask;

import com.fasterxml.jackson.databind.JsonNode;

/** What the user did at a prompt: answered, or asked to go back to the previous question. */
public sealed interface Reply {

    /** An answer, already in the profile's JSON shape for the question. */
    record Answer(JsonNode value) implements Reply {
    }

    /** Go back to the previous question. */
    record Back() implements Reply {
    }
}
