package dev.dbpick.advice;

import dev.dbpick.catalog.Library;
import dev.dbpick.explanation.Explainer;
import dev.dbpick.explanation.Include;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
import dev.dbpick.recommendation.Note;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.recommendation.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole data layer: each chosen database ranked on its own under the same rules and the rest
 * of the profile, its first pick, and, when the pick runs on a separate driver, the best of the
 * drivers its catalog record lists for that database and the profile's mode (the asyncio list
 * when asyncio is required or preferred and the pick has one, else the synchronous list). A
 * driver's standing is its own score lines plus what the pairing rules give the pairing. A driver
 * is held only to the constraints and scored only by the lines that apply to the driver under a
 * pick ({@link dev.dbpick.recommendation.AppliesTo}): one excluded as a pick for want of a
 * schema-migration tool still serves the ORM above it, and its own typing does not count, since
 * the code is written against the pick. A recommended library none of whose drivers passes is
 * passed over, and listed as excluded with the drivers it lacks.
 */
final class Stacks {

    private static final int ALTERNATIVES = 3;
    /** The source named on a recommended library passed over because none of its drivers can be used. */
    static final String NO_DRIVER = "Stack: no driver it runs on fits";

    private Stacks() {
    }

    static StackEntry entry(Explainer explainer, Ranking ranking, String database, int nearTiePoints, Include include,
                            java.util.Set<String> defining) {
        // The first recommended library that can run: it needs no driver of its own, or one it runs on passes.
        List<Assessment> unworkable = new ArrayList<>();
        Optional<Assessment> top = Optional.empty();
        Optional<Choice> choice = Optional.empty();
        for (Assessment candidate : ranking.recommended()) {
            choice = driverFor(ranking, candidate.library(), database);
            if (choice.isPresent() || candidate.library().runsOn().get(database) == null) {
                top = Optional.of(candidate);
                break;
            }
            unworkable.add(candidate);
        }
        StackEntry.Pick pick = top.map(Stacks::pick).orElse(null);
        StackEntry.Pick driver = choice.map(c -> new StackEntry.Pick(c.driver.id(), c.driver.library().name(),
                c.driver.library().primaryKind(), c.score)).orElse(null);
        List<Reason> driverReasons = choice.map(Choice::reasons).orElse(List.of());
        String driverId = driver == null ? null : driver.id();
        List<StackEntry.Pick> alternatives = ranking.recommended().stream()
                .filter(a -> pick == null || !a.id().equals(pick.id()))
                .filter(a -> !a.id().equals(driverId) && !unworkable.contains(a))
                .filter(a -> a.library().runsOn().get(database) == null || driverFor(ranking, a.library(), database).isPresent())
                .limit(ALTERNATIVES).map(Stacks::pick).toList();
        // The driver chosen is not listed as rejected: what rules it out as a pick does not hold under one.
        List<Result.Excluded> excluded = new ArrayList<>(unworkable.stream().map(a -> new Result.Excluded(a.id(),
                a.library().name(), List.of(noDriver(ranking, a.library(), database)))).toList());
        ranking.excluded().stream().filter(a -> !a.id().equals(driverId))
                .map(a -> new Result.Excluded(a.id(), a.library().name(), a.exclusions())).forEach(excluded::add);
        List<Pivot> pivots = !include.pivots() ? null : top.isPresent() ? Pivot.arranged(explainer.pivots(ranking), defining)
                : List.of();
        List<Relaxation> relaxations = include.relaxations() ? explainer.relaxations(ranking) : null;
        return new StackEntry(database, pick, driver, alternatives, top.map(Assessment::reasons).orElse(List.of()),
                driverReasons, excluded, Margin.of(ranking, nearTiePoints), pivots, relaxations);
    }

    private record Choice(Assessment driver, int score, List<Reason> reasons) {
    }

    /** Why a recommended library cannot be the pick: every driver it runs on for the database is ruled out. */
    private static Note noDriver(Ranking ranking, Library pick, String database) {
        Library.Drivers drivers = pick.runsOn().get(database);
        List<String> candidates = asyncMode(ranking, drivers) ? drivers.async() : drivers.sync();
        return new Note(NO_DRIVER, "Every driver it runs on for " + database + " is ruled out by the profile ("
                + String.join(", ", candidates) + ")");
    }

    private static boolean asyncMode(Ranking ranking, Library.Drivers drivers) {
        return !"not-needed".equals(ranking.profile().async()) && !drivers.async().isEmpty();
    }

    /** The pick's best driver for the database among those it runs on in the profile's mode, if it needs one. */
    private static Optional<Choice> driverFor(Ranking ranking, Library pick, String database) {
        Library.Drivers drivers = pick.runsOn().get(database);
        if (drivers == null) {
            return Optional.empty();
        }
        List<String> candidates = asyncMode(ranking, drivers) ? drivers.async() : drivers.sync();
        List<Choice> choices = new ArrayList<>();
        for (String id : candidates) {
            ranking.find(id).filter(a -> !a.excludedAsDriver()).ifPresent(driver -> {
                List<Reason> pairing = ranking.pairing(pick.id(), database, id);
                List<Reason> reasons = new ArrayList<>(pairing);
                driver.reasons().stream().filter(r -> !r.pickOnly()).forEach(reasons::add);
                int score = reasons.stream().mapToInt(Reason::points).sum();
                choices.add(new Choice(driver, score, reasons));
            });
        }
        // The best score; on a tie, the one the pick lists first.
        return choices.stream().max(Comparator.comparingInt(Choice::score)
                .thenComparingInt(c -> -candidates.indexOf(c.driver().id())));
    }

    private static StackEntry.Pick pick(Assessment a) {
        return new StackEntry.Pick(a.id(), a.library().name(), a.library().primaryKind(), a.score());
    }

    /** The database a library is explained against in a whole data layer: the first chosen one it serves. */
    static String databaseFor(Profile profile, Library library) {
        return profile.databases().stream().filter(library.databases()::contains).findFirst()
                .orElse(profile.databases().isEmpty() ? null : profile.databases().get(0));
    }
}
