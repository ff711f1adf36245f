package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Advisor;
import dev.dbpick.recommendation.Engine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceWarmUpTest {

    @Test
    void answersProfilesUntilItsTimeIsSpent() {
        // Given a fresh engine over the bundled knowledge
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));

        // When it warms up for a second
        long start = System.nanoTime();
        int answered = ServiceWarmUp.run(advisor, Duration.ofSeconds(1), Duration.ofMinutes(5));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Then it answered the empty profile at least, and stopped near its time (one answer may run over)
        assertTrue(answered >= 1, "answered " + answered);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
    }

    @Test
    void noTimeMeansNoWarmUp() {
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));

        assertEquals(0, ServiceWarmUp.run(advisor, Duration.ZERO, Duration.ofMinutes(5)));
    }

    @Test
    void anAnswerPastItsBudgetEndsTheWarmUpQuietly() {
        Advisor advisor = new Advisor(new Engine(TestKnowledge.knowledge()));

        // One nanosecond per answer: the first firing stops it, and the warm-up ends without throwing
        long start = System.nanoTime();
        int answered = ServiceWarmUp.run(advisor, Duration.ofMinutes(5), Duration.ofNanos(1));

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
