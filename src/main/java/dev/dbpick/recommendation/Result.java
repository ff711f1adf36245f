package dev.dbpick.recommendation;

import dev.dbpick.profile.Profile;
import java.util.List;

/**
 * The response document, version 1: the same JSON from {@code recommend --format json} and
 * from {@code POST /api/v1/recommendations}.
 */
public record Result(List<Recommendation> recommendations, List<Excluded> excluded, Profile profile,
                     KnowledgeInfo knowledge) {

    public Result {
        recommendations = List.copyOf(recommendations);
        excluded = List.copyOf(excluded);
    }

    /** Which knowledge produced a result: the revision hash and how much it held. */
    public record KnowledgeInfo(String revision, int rules, int libraries) {
    }
}
