package dev.dbpick.http;

import dev.dbpick.profile.ProfileException;
import dev.dbpick.recommendation.Engine;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters shared by the service's endpoints, checked with the same messages everywhere. */
final class Requests {

    private Requests() {
    }

    /** The {@code asOf} parameter: the evaluation date, today when absent. */
    static LocalDate asOf(String asOf) {
        if (asOf == null || asOf.isEmpty()) {
            return Engine.today();
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ProfileException("invalid request: \"asOf\" must be a date, YYYY-MM-DD, got \""
                    + (asOf.length() > 40 ? asOf.substring(0, 40) + "..." : asOf) + "\"", "asOf", List.of());
        }
    }
}
