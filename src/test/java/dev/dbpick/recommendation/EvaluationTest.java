package dev.dbpick.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An answer is judged on a date in the years 1990 to 2100, written with a four-digit year. */
class EvaluationTest {

    @Test
    void theFirstAndLastDaysOfTheRangeAreDates() {
        assertEquals(LocalDate.of(1990, 1, 1), Evaluation.parse("1990-01-01"));
        assertEquals(LocalDate.of(2100, 12, 31), Evaluation.parse("2100-12-31"));
    }

    @Test
    void datesOutsideTheRangeOrNotWrittenYyyyMmDdAreRefused() {
        for (String text : new String[] {"1989-12-31", "2101-01-01", "+10000-01-01", "-0001-01-01", "0001-01-01", "2026-02-30",
                "2026-1-01", "２０２６-01-01", "", "2026-01-01T00:00"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluation.parse(text), text);
            assertEquals("must be a date from 1990-01-01 to 2100-12-31, YYYY-MM-DD", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Evaluation.on(LocalDate.of(10000, 1, 1), 6));
    }
}
