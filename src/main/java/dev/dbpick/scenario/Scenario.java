package dev.dbpick.scenario;

import dev.dbpick.profile.Profile;
import java.util.List;
import java.util.Map;

/**
 * A scenario test of the knowledge: a profile and what must hold for its ranking.
 *
 * @param source   where it was defined, e.g. {@code rules/scenarios/async.yaml}
 * @param asOf     the evaluation date the expectations hold on (pinned, so they do not rot)
 * @param top      the first place must be one of these ids (empty: not checked)
 * @param inTop    for each k, these ids must rank within the first k
 * @param notInTop for each k, these ids must not rank within the first k (misfits)
 * @param fits     these ids must be recommended (not excluded, not a poor fit)
 * @param poorFits these ids must pass every hard constraint but score below zero
 * @param excluded these ids must be excluded
 * @param above    pairs "a &gt; b": a must rank above b (b may also be excluded)
 * @param fired    these rules must have fired for some library
 * @param stack    for a whole data layer: per database, the pick and the driver it must run on
 */
public record Scenario(String name, String source, java.time.LocalDate asOf, Profile profile, List<String> top,
                       Map<Integer, List<String>> inTop, Map<Integer, List<String>> notInTop, List<String> fits, List<String> poorFits, List<String> excluded,
                       List<Order> above, List<String> fired, Map<String, StackPick> stack) {

    /**
     * What a whole data layer must pick for one database: one of {@code pick}, running on one of
     * {@code runsOn} ({@code runsOn} holding only {@link #NONE} means on no separate driver;
     * empty means not checked).
     */
    public record StackPick(List<String> pick, List<String> runsOn) {

        public static final String NONE = "none";
    }

    /** "higher ranks above lower". */
    public record Order(String higher, String lower) {

        @Override
        public String toString() {
            return higher + " > " + lower;
        }
    }
}
