package dev.dbpick.recommendation;

import dev.dbpick.profile.Profile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which libraries pass every hard constraint for a profile, and which rules exclude each of the
 * others, from a firing that leaves the score rules out ({@link Engine.Asker#screen}): what an
 * explanation needs to know before it pays for scores. It says nothing of scores, so nothing of
 * which library would be recommended.
 *
 * @param fitting    the ids of the libraries that pass, in catalog order
 * @param exclusions for each excluded library, the names of the rules that exclude it
 */
public record Screen(Profile profile, List<String> fitting, Map<String, Set<String>> exclusions) {

    public Screen {
        fitting = List.copyOf(fitting);
        exclusions = Map.copyOf(exclusions);
    }

    public boolean anyFits() {
        return !fitting.isEmpty();
    }

    public boolean excluded(String id) {
        return exclusions.containsKey(id);
    }
}
