package dev.dbpick.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.Mappers;
import dev.dbpick.support.SourceFile;
import java.io.IOException;

/**
 * The numbers of {@code data/settings.yaml} that dbpick applies around the rules.
 *
 * @param nearTiePoints         a lead of fewer points over the second place is a near tie
 * @param staleFactsAfterMonths records checked longer ago than this before the evaluation date are stale
 * @param maxFiringsPerLibrary  rule firings allowed per catalog library in one ranking
 * @param changeOrder           profile fields from the most to the least plausible to change, the order
 *                              in which pivots, relaxations and admitting changes are offered
 * @param refresh               where and how {@code dbpick catalog refresh} fetches facts (defaults when absent)
 * @param definingAnswers       profile fields that define the project rather than settle a choice: answer
 *                              changes to them are listed apart, after the others (none when absent)
 */
public record Settings(int nearTiePoints, int staleFactsAfterMonths, int maxFiringsPerLibrary,
                       java.util.List<String> changeOrder, RefreshSettings refresh, java.util.List<String> definingAnswers)
        implements java.io.Serializable {

    public Settings {
        changeOrder = changeOrder == null ? java.util.List.of() : java.util.List.copyOf(changeOrder);
        refresh = refresh == null ? RefreshSettings.DEFAULTS : refresh;
        definingAnswers = definingAnswers == null ? java.util.List.of() : java.util.List.copyOf(definingAnswers);
    }

    /** Settings with the default refresh sources and no defining answers. */
    public Settings(int nearTiePoints, int staleFactsAfterMonths, int maxFiringsPerLibrary, java.util.List<String> changeOrder) {
        this(nearTiePoints, staleFactsAfterMonths, maxFiringsPerLibrary, changeOrder, null, null);
    }

    public static Settings read(SourceFile file) {
        return read(file, null);
    }

    /**
     * The settings of {@code file} with those a team's {@code settings.yaml} ({@code team}, or
     * null) gives in their place: each value the team names replaces the bundled one, and the
     * team's {@code refresh} merges key by key.
     */
    public static Settings read(SourceFile file, SourceFile team) {
        Settings settings;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Mappers.yaml().readTree(file.content());
            if (team != null) {
                tree = overlay(tree, team);
            }
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !object.has("refresh")) {
                object.putNull("refresh");   // optional: the defaults
            }
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !object.has("definingAnswers")) {
                object.putNull("definingAnswers");   // optional: none
            }
            settings = tree == null || tree.isMissingNode() ? null : Mappers.yaml().treeToValue(tree, Settings.class);
        } catch (JsonProcessingException e) {
            throw new KnowledgeException(file.name() + ": " + Mappers.describe(e));
        } catch (IOException e) {
            throw new KnowledgeException(file.name() + ": cannot read: " + e.getMessage());
        }
        if (settings == null) {
            throw new KnowledgeException(file.name() + ": empty; expected nearTiePoints, staleFactsAfterMonths and maxFiringsPerLibrary");
        }
        positive(file, "nearTiePoints", settings.nearTiePoints());
        positive(file, "staleFactsAfterMonths", settings.staleFactsAfterMonths());
        positive(file, "maxFiringsPerLibrary", settings.maxFiringsPerLibrary());
        for (String field : java.util.stream.Stream.concat(settings.changeOrder().stream(), settings.definingAnswers().stream())
                .toList()) {
            if (!dev.dbpick.profile.Profile.FIELDS.containsKey(field)) {
                throw new KnowledgeException(file.name() + ": \"" + (settings.changeOrder().contains(field) ? "changeOrder"
                        : "definingAnswers") + "\": \"" + field + "\" is not a profile field"
                        + dev.dbpick.support.Suggestions.didYouMean(field, dev.dbpick.profile.Profile.FIELDS.keySet())
                        + "; profile fields: " + String.join(", ", dev.dbpick.profile.Profile.FIELDS.keySet()));
            }
        }
        return settings;
    }

    private static com.fasterxml.jackson.databind.JsonNode overlay(com.fasterxml.jackson.databind.JsonNode tree, SourceFile team)
            throws IOException {
        com.fasterxml.jackson.databind.JsonNode values;
        try {
            values = Mappers.yaml().readTree(team.content());
        } catch (JsonProcessingException e) {
            throw new KnowledgeException(team.name() + ": " + Mappers.describe(e));
        }
        if (values == null || values.isMissingNode() || values.isNull()) {
            return tree;
        }
        if (!values.isObject() || !(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode merged)) {
            throw new KnowledgeException(team.name() + ": expected the settings to override, e.g. \"nearTiePoints: 3\"");
        }
        var unknown = Mappers.unknownField(values, Settings.class);
        if (unknown.isPresent()) {
            throw new KnowledgeException(team.name() + ": " + unknown.get());
        }
        merged = merged.deepCopy();
        for (var entry : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) values::fields) {
            if (entry.getValue().isObject() && merged.get(entry.getKey()) instanceof com.fasterxml.jackson.databind.node.ObjectNode bundled) {
                bundled.setAll((com.fasterxml.jackson.databind.node.ObjectNode) entry.getValue());
            } else {
                merged.set(entry.getKey(), entry.getValue());
            }
        }
        return merged;
    }

    private static void positive(SourceFile file, String field, int value) {
        if (value < 1) {
            throw new KnowledgeException(file.name() + ": \"" + field + "\" must be 1 or more, got " + value);
        }
    }
}
