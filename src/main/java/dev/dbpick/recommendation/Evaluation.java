package dev.dbpick.recommendation;

import java.time.LocalDate;

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
        int then = monthIndex(monthOrDate);
        return then < 0 ? Integer.MAX_VALUE : monthIndex(date) - then;
    }

    /**
     * Months since year 0 of a text starting YYYY-MM, or -1 when it does not; rules ask this for
     * every library in every ranking, so it is parsed by hand rather than with {@code YearMonth}.
     */
    private static int monthIndex(String text) {
        if (text.length() < 7 || text.charAt(4) != '-') {
            return -1;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            year = year * 10 + (c - '0');
        }
        char tens = text.charAt(5);
        char ones = text.charAt(6);
        if (tens < '0' || tens > '1' || ones < '0' || ones > '9') {
            return -1;
        }
        int month = (tens - '0') * 10 + (ones - '0');
        if (month < 1 || month > 12 || (text.length() > 7 && text.charAt(7) != '-')) {
            return -1;
        }
        return year * 12 + month - 1;
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
