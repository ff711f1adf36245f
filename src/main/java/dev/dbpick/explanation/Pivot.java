package dev.dbpick.explanation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One changed answer that would change the first pick: apply {@code changes}, ask again, get {@code top}. */
public record Pivot(ObjectNode changes, String top, String summary) {
}
