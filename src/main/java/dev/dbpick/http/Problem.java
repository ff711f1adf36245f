package dev.dbpick.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An error response, RFC 7807 problem details ({@code application/problem+json}); the same
 * shape for every error. {@code field} and {@code allowed} name the offending profile field
 * and its allowed values when there is one; {@code problems} lists every problem, one line
 * each, when there are several (a rejected reload); {@code revision} and {@code rule} name the
 * knowledge revision and rule a failed ranking (503) ran with.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 7807 problem details, the body of every error")
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<String> allowed, List<String> problems,
                      @Schema(description = "The knowledge revision that failed (503)") String revision,
                      @Schema(description = "The rule the failing ranking was at, when known (503)") String rule) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, String field, List<String> allowed,
                   List<String> problems) {
        this(type, title, status, detail, instance, field, allowed, problems, null, null);
    }

    public Problem(String type, String title, int status, String detail, String instance, String field, List<String> allowed) {
        this(type, title, status, detail, instance, field, allowed, List.of());
    }

    public static Problem of(int status, String title, String detail, String path) {
        return new Problem("about:blank", title, status, detail, path, null, List.of());
    }
}
