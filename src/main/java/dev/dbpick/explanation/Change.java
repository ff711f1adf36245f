package dev.dbpick.explanation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.profile.Profile;

/**
 * Answers changed: {@code changes} is a partial profile in the profile's own JSON shape, merged
 * over a profile (objects key by key, every other value replaced); {@code summary} says it in a
 * few words, e.g. {@code async: not-needed} or {@code databases: add mysql}.
 *
 * @param profile the profile with the changes applied
 * @param size    how many answers it changes
 * @param order   how plausible the change is, lower first (data/settings.yaml changeOrder)
 */
public record Change(ObjectNode changes, String summary, Profile profile, int size, int order) {
}
