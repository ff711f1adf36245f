package dev.dbpick.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One answer a project gives: {@code framework=fastapi} from pyproject.toml line 12, because
 * of {@code fastapi>=0.110}. A field that takes several values has one answer per value.
 *
 * @param applied false when a flag or the profile file answered the field, which wins
 */
@JsonPropertyOrder({"field", "value", "from", "because", "applied"})
public record Answer(String field, String value, String from, String because, boolean applied) {

    Answer(String field, String value, Location from, String because) {
        this(field, value, from.toString(), because, true);
    }

    Answer overridden() {
        return new Answer(field, value, from, because, false);
    }
}
