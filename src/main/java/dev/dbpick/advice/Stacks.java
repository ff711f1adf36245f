package dev.dbpick.advice;

import dev.dbpick.catalog.Library;
import dev.dbpick.explanation.Explainer;
import dev.dbpick.explanation.Include;
import dev.dbpick.explanation.Margin;
import dev.dbpick.explanation.Pivot;
import dev.dbpick.explanation.Relaxation;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Assessment;
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
 * driver's standing is its own score plus what the pairing rules give the pairing.
 */
final class Stacks {

    private static final int ALTERNATIVES = 3;

    private Stacks() {
    }

    static StackEntry entry(Explainer explainer, Ranking ranking, String database, int nearTiePoints, Include include) {
        Optional<Assessment> top = ranking.top();
        StackEntry.Pick pick = top.map(Stacks::pick).orElse(null);
        StackEntry.Pick driver = null;
        List<Reason> driverReasons = List.of();
        if (top.isPresent()) {
            Optional<Choice> choice = driverFor(ranking, top.get().library(), database);
            if (choice.isPresent()) {
                driver = new StackEntry.Pick(choice.get().driver.id(), choice.get().driver.library().name(),
                        choice.get().driver.library().primaryKind(), choice.get().score);
                driverReasons = choice.get().reasons;
            }
        }
        String driverId = driver == null ? null : driver.id();
        List<StackEntry.Pick> alternatives = ranking.recommended().stream()
                .filter(a -> pick == null || !a.id().equals(pick.id()))
                .filter(a -> !a.id().equals(driverId))
                .limit(ALTERNATIVES).map(Stacks::pick).toList();
        List<Result.Excluded> excluded = ranking.excluded().stream()
                .map(a -> new Result.Excluded(a.id(), a.library().name(), a.exclusions())).toList();
        List<Pivot> pivots = !include.pivots() ? null : top.isPresent() ? explainer.pivots(ranking) : List.of();
        List<Relaxation> relaxations = include.relaxations() ? explainer.relaxations(ranking) : null;
        return new StackEntry(database, pick, driver, alternatives, top.map(Assessment::reasons).orElse(List.of()),
                driverReasons, excluded, Margin.of(ranking, nearTiePoints), pivots, relaxations);
    }

    private record Choice(Assessment driver, int score, List<Reason> reasons) {
    }

    /** The pick's best driver for the database among those it runs on in the profile's mode, if it needs one. */
    private static Optional<Choice> driverFor(Ranking ranking, Library pick, String database) {
        Library.Drivers drivers = pick.runsOn().get(database);
        if (drivers == null) {
            return Optional.empty();
        }
        boolean async = !"not-needed".equals(ranking.profile().async()) && !drivers.async().isEmpty();
        List<String> candidates = async ? drivers.async() : drivers.sync();
        List<Choice> choices = new ArrayList<>();
        for (String id : candidates) {
            ranking.find(id).filter(a -> !a.excluded()).ifPresent(driver -> {
                List<Reason> pairing = ranking.pairing(pick.id(), database, id);
                List<Reason> reasons = new ArrayList<>(pairing);
                reasons.addAll(driver.reasons());
                int score = driver.score() + pairing.stream().mapToInt(Reason::points).sum();
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
