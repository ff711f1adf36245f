package dev.dbpick.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private final Evaluation evaluation = new Evaluation("2026-11-26", 6);

    @Test
    void monthsAreCountedFromAMonthOrADate() {
        assertEquals(0, evaluation.monthsSince("2026-11"));
        assertEquals(11, evaluation.monthsSince("2025-12"));
        assertEquals(49, evaluation.monthsSince("2022-10-17"));
        assertEquals(-2, evaluation.monthsSince("2027-01"));
        assertEquals(4, evaluation.yearsSince("2022-10"));
    }

    @Test
    void anythingThatIsNotAMonthIsInfinitelyLongAgo() {
        for (String text : new String[] {null, "", "2026", "2026-1", "2026-13", "2026-00", "20x6-11", "2026/11", "2026-11x", "first release"}) {
            assertEquals(Integer.MAX_VALUE, evaluation.monthsSince(text), String.valueOf(text));
        }
    }

    @Test
    void factsAreStaleAfterTheThreshold() {
        assertTrue(evaluation.stale("2026-04-30"));
        assertFalse(evaluation.stale("2026-05-01"));
    }
}
