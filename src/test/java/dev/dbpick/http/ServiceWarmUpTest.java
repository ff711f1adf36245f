package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.Engine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ServiceWarmUpTest {

    /** A plain mapper; the service passes Micronaut's, configured under {@code jackson} in application.yml. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void answersProfilesUntilItsTimeIsSpent() {
        // Given a fresh engine over the bundled knowledge
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));

        // When it warms up for a second, writing its answers as the service does
        List<Result> written = new ArrayList<>();
        ToIntFunction<Result> service = new AnswerBody(MAPPER)::length;
        long start = System.nanoTime();
        int answered = ServiceWarmUp.run(advisor, Duration.ofSeconds(1), Duration.ofMinutes(5), result -> {
            written.add(result);
            return service.applyAsInt(result);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Then it answered the empty profile at least, and stopped near its time (one answer may run over)
        assertTrue(answered >= 1, "answered " + answered);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        // and wrote each answer twice over: with the what-if explanations and without
        assertEquals(2 * answered, written.size());
        assertNotNull(written.get(0).pivots());
        assertNull(written.get(1).pivots());
    }

    @Test
    void writesAnAnswerAsTheMapperWritesIt() throws Exception {
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));
        Result answer = advisor.recommend(new ProfileReader(advisor.knowledge().questionnaire()).read("{}"), 10,
                LocalDate.of(2026, 11, 26), Include.ALL);

        // Tens of KB with every explanation: the buffer may grow as the answer is written
        int length = new AnswerBody(MAPPER).length(answer);

        assertEquals(MAPPER.writeValueAsBytes(answer).length, length);
        assertTrue(length > 10_000, "length " + length);
    }

    @Test
    void noTimeMeansNoWarmUp() {
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));

        assertEquals(0, ServiceWarmUp.run(advisor, Duration.ZERO, Duration.ofMinutes(5), result -> 0));
    }

    @Test
    void anAnswerPastItsBudgetEndsTheWarmUpQuietly() {
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));

        // One nanosecond per answer: the first firing stops it, and the warm-up ends without throwing
        long start = System.nanoTime();
        int answered = ServiceWarmUp.run(advisor, Duration.ofMinutes(5), Duration.ofNanos(1), result -> 0);

        assertEquals(0, answered);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void theSettingDefaultsToEightSecondsAndZeroTurnsItOff() {
        assertEquals(Duration.ofSeconds(8), settings(null).warmUp());
        assertEquals(Duration.ZERO, settings(0).warmUp());
        assertEquals(Duration.ZERO, settings(-4).warmUp());
    }

    private static ServiceSettings settings(Integer warmUpSeconds) {
        return new ServiceSettings(null, null, null, false, null, null, null, null, null, null, null, null, warmUpSeconds);
    }
}
