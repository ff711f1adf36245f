package dev.dbpick.explanation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A smallest set of answer changes after which something fits: {@code fits} libraries are then
 * recommended, {@code top} first. No proper subset of the changes would do.
 */
public record Relaxation(ObjectNode changes, int fits, String top, String summary) {
}
