package dev.dbpick.http;

import dev.dbpick.explanation.Include;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.recommendation.Engine;
import java.time.LocalDate;
import java.util.List;

/** Query parameters shared by the service's endpoints, checked with the same messages everywhere. */
final class Requests {

    private Requests() {
    }

    /** Longest request path echoed back in a problem's {@code instance} or detail. */
    private static final int PATH_ECHO = 120;

    /** The {@code top} parameter: how many recommendations; 10 when absent, 0 for all. */
    static int top(String top) {
        if (top == null || top.isEmpty()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(top.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new ProfileException("invalid request: \"top\" must be a whole number, 0 (all) or more, got \""
                + (top.length() > 40 ? top.substring(0, 40) + "..." : top) + "\"", "top", List.of());
    }

    /** Whether the answer should be the Markdown decision record: {@code format=adr}, or Accept preferring text/markdown. */
    static boolean wantsMarkdown(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "adr" -> true;
                case "json" -> false;
                default -> throw new ProfileException("invalid request: \"format\" must be json or adr, got \""
                        + (format.length() > 40 ? format.substring(0, 40) + "..." : format) + "\"", "format", List.of("json", "adr"));
            };
        }
        return accept != null && accept.contains(RecommendationController.MARKDOWN) && !accept.contains("application/json");
    }

    /**
     * The {@code include} parameter: the what-if explanations to compute. When absent, what the
     * answer shows: none for the JSON document (a client asks for what it reads), all for the
     * decision record.
     */
    static Include include(String include, boolean markdown) {
        if (include == null || include.isEmpty()) {
            return markdown ? Include.ALL : Include.NONE;
        }
        try {
            return Include.parse(include);
        } catch (IllegalArgumentException e) {
            throw new ProfileException("invalid request: \"include\" " + e.getMessage(), "include", Include.ALLOWED);
        }
    }

    /** The request path for a problem's {@code instance}, cut short so a long path is not echoed in full. */
    static String path(io.micronaut.http.HttpRequest<?> request) {
        String path = request.getPath().replaceAll("\\p{Cntrl}", "?");
        return path.length() > PATH_ECHO ? path.substring(0, PATH_ECHO) + "..." : path;
    }

    /** The {@code asOf} parameter: the evaluation date, today when absent. */
    static LocalDate asOf(String asOf) {
        if (asOf == null || asOf.isEmpty()) {
            return Engine.today();
        }
        try {
            return dev.dbpick.recommendation.Evaluation.parse(asOf);
        } catch (IllegalArgumentException e) {
            throw new ProfileException("invalid request: \"asOf\" " + e.getMessage() + ", got \""
                    + (asOf.length() > 40 ? asOf.substring(0, 40) + "..." : asOf) + "\"", "asOf", List.of());
        }
    }
}
