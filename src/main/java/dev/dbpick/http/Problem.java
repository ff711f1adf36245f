package dev.dbpick.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error response, RFC 7807 problem details ({@code application/problem+json}); the same
 * shape for every error. {@code field} and {@code allowed} name the offending profile field
 * and its allowed values when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String path) {
        return new Problem("about:blank", title, status, detail, path, null, List.of());
    }
}
