package dev.dbpick.recommendation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The date an answer is judged on, inserted as a fact so rules can compute ages: how long ago a
 * library was last released ({@code monthsSince(maintenance.released)}), how old its async API
 * is, and whether its facts are stale. Rules never read the clock themselves, so an old answer
 * can be reproduced with {@code --as-of}.
 *
 * @param date                  the evaluation date, YYYY-MM-DD
 * @param staleFactsAfterMonths records checked longer ago than this are stale (data/settings.yaml)
 */
public record Evaluation(String date, int staleFactsAfterMonths) {

    public Evaluation {
        LocalDate.parse(date);
    }

    public static Evaluation on(LocalDate date, int staleFactsAfterMonths) {
        return new Evaluation(date.toString(), staleFactsAfterMonths);
    }

    /** The evaluation month, YYYY-MM. */
    public String month() {
        return date.substring(0, 7);
    }

    /**
     * Whole months from a month (YYYY-MM) or a date (YYYY-MM-DD) to the evaluation month;
     * negative when it lies after the evaluation date (a fact newer than the date asked for).
     */
    public int monthsSince(String monthOrDate) {
        if (monthOrDate == null || monthOrDate.length() < 7) {
            return Integer.MAX_VALUE;
        }
        try {
            YearMonth then = YearMonth.parse(monthOrDate.substring(0, 7));
            YearMonth now = YearMonth.parse(month());
            return (now.getYear() - then.getYear()) * 12 + now.getMonthValue() - then.getMonthValue();
        } catch (DateTimeParseException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Whole years from a month or date to the evaluation date. */
    public int yearsSince(String monthOrDate) {
        int months = monthsSince(monthOrDate);
        return months == Integer.MAX_VALUE ? months : Math.floorDiv(months, 12);
    }

    /** A span of months in words: "8 months", "3 years". */
    public static String span(int months) {
        if (months < 1) {
            return "less than a month";
        }
        if (months < 12) {
            return months == 1 ? "1 month" : months + " months";
        }
        int years = months / 12;
        return years == 1 ? "1 year" : years + " years";
    }

    /** True when a record checked on {@code asOf} is older than the stale threshold. */
    public boolean stale(String asOf) {
        return monthsSince(asOf) > staleFactsAfterMonths;
    }
}
