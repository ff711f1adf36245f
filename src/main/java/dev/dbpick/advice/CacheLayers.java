package dev.dbpick.advice;

import dev.dbpick.catalog.Library;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache answer told apart: a caching layer (dogpile.cache, Beaker, aiocache, Flask-Caching,
 * cashews, fastapi-cache2) runs on a client (redis-py, pymemcache) and answers a different
 * question, what to put on top of it. When both are recommended, the client keeps its place and
 * the layer is listed as an option on top of it, as a whole data layer shows the driver under an
 * ORM, instead of the two being ranked against each other. A layer none of whose clients is
 * recommended above it keeps its own place (the first pick stays the engine's, which the margin
 * and the pivots are about).
 *
 * @param ranked  the recommended libraries without the layers placed on a client, in ranking order
 * @param layers  per client id, the layers on top of it, best first
 */
record CacheLayers(List<Assessment> ranked, Map<String, List<Assessment>> layers) {

    /** The recommended libraries of a cache answer with each layer placed on the first recommended client it runs on. */
    static CacheLayers of(Profile profile, List<Assessment> recommended) {
        if (!"cache".equals(profile.purpose())) {
            return new CacheLayers(recommended, Map.of());
        }
        Map<String, List<Assessment>> layers = new LinkedHashMap<>();
        List<Assessment> ranked = new ArrayList<>();
        for (Assessment a : recommended) {
            // Only a client ranked above the layer takes it: the first pick is the engine's, which every explanation is about.
            Assessment client = recommended.stream().limit(recommended.indexOf(a))
                    .filter(b -> runsOn(a.library(), b.id(), profile) && !runsOnAny(b.library(), recommended, profile))
                    .findFirst().orElse(null);
            if (client == null) {
                ranked.add(a);
            } else {
                layers.computeIfAbsent(client.id(), k -> new ArrayList<>()).add(a);
            }
        }
        return new CacheLayers(List.copyOf(ranked), Map.copyOf(layers));
    }

    /** Whether a library runs on a client for one of the profile's databases (any, when none is chosen). */
    private static boolean runsOn(Library layer, String client, Profile profile) {
        return layer.runsOn().entrySet().stream()
                .filter(e -> !profile.hasDatabases() || profile.databases().contains(e.getKey()))
                .anyMatch(e -> e.getValue().sync().contains(client) || e.getValue().async().contains(client));
    }

    private static boolean runsOnAny(Library library, List<Assessment> recommended, Profile profile) {
        return recommended.stream().anyMatch(b -> b.library() != library && runsOn(library, b.id(), profile));
    }
}
