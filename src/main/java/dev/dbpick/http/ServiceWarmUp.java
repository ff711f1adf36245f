package dev.dbpick.http;

import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Change;
import dev.dbpick.explanation.Include;
import dev.dbpick.explanation.ProfileChanges;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.Deadline;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.render.Json;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers before the service listens, for at most {@code dbpick.warm-up-seconds}: the empty
 * profile, each profile one answer away from it, then each two answers away, every one read
 * from its JSON text as a request's body is, answered with and without the what-if
 * explanations, and written as the service writes an answer (its JSON mapper, into a Netty
 * buffer: {@link AnswerBody#length}, which also encodes the lines most answers repeat). The first requests then find the
 * engine's code compiled by the JIT and its answer groups filled
 * ({@code dev.dbpick.recommendation.AnswerGroups}) rather than paying for both: measured over
 * the first 6,000 requests with every explanation, the compiler alone took about a third of the
 * server's CPU. A warm-up that fails is logged and skipped: the service answers all the same.
 */
final class ServiceWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceWarmUp.class);

    private ServiceWarmUp() {
    }

    /**
     * Answers warm-up profiles with {@code advisor} until {@code budget} is spent or they run out,
     * each answer within {@code perAnswer} (the service's ranking budget): a rule that makes one
     * answer slow ends the warm-up rather than holding the start.
     *
     * @param write writes an answer as the service would, returning its length
     * @return how many profiles were answered
     */
    static int run(Advisor advisor, Duration budget, Duration perAnswer, ToIntFunction<Result> write) {
        if (budget.isZero() || budget.isNegative()) {
            return 0;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        LocalDate today = Engine.today();
        int answered = 0;
        try {
            var knowledge = advisor.knowledge();
            ProfileChanges changes = new ProfileChanges(knowledge.questionnaire(), knowledge.settings().changeOrder());
            ProfileReader reader = new ProfileReader(knowledge.questionnaire());
            List<Profile> next = List.of(reader.read("{}"));
            while (!next.isEmpty()) {
                List<Profile> further = new ArrayList<>();
                for (Profile generated : next) {
                    if (System.nanoTime() > deadline) {
                        return answered;
                    }
                    Profile profile = reader.read(Json.compact(generated));
                    Result explained = Deadline.within(perAnswer, () -> advisor.recommend(profile, 10, today, Include.ALL));
                    Result plain = Deadline.within(perAnswer, () -> advisor.recommend(profile, 10, today, Include.NONE));
                    write.applyAsInt(explained);
                    write.applyAsInt(plain);
                    answered++;
                    if (next.size() < 1000) {
                        for (Change change : changes.singles(generated)) {
                            further.add(change.profile());
                        }
                    }
                }
                next = further;
            }
        } catch (RuntimeException e) {
            LOG.warn("warm-up stopped after {} profiles: {}", answered, e.toString());
        }
        return answered;
    }
}
