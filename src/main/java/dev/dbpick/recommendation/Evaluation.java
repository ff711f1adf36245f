package dev.dbpick.recommendation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

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
        parse(date);
    }

    /** The first and last years an answer can be judged on: outside them every library would be brand new, or ancient. */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;
    private static final LocalDate EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(LAST_YEAR, 12, 31);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * An evaluation date, {@code YYYY-MM-DD} with a four-digit year from {@value #FIRST_YEAR} to
     * {@value #LAST_YEAR}; {@code +10000-01-01} and the like are not dates a ranking can be judged on.
     *
     * @throws IllegalArgumentException saying what a date must be (the caller names the field)
     */
    public static LocalDate parse(String text) {
        LocalDate date;
        try {
            date = text != null && DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("must be a date from " + EARLIEST + " to " + LATEST + ", YYYY-MM-DD");
        }
        return date;
    }

    /** The evaluation on a date, which must lie in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
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
