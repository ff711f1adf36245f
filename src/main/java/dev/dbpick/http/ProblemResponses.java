package dev.dbpick.http;

import dev.dbpick.profile.ProfileException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;


/**
 * Turns every error the server answers (400, 404, 405, 413, 415, 500, ...) into problem
 * details; no stack trace or class name ever reaches a response.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String path = Requests.path(context.getRequest());
        Problem problem;
        if (context.getRootCause().orElse(null) instanceof ProfileException e) {
            problem = new Problem("about:blank", "Invalid profile", status.getCode(), e.getMessage(), path, e.field(), e.allowed());
        } else {
            problem = Problem.of(status.getCode(), status.getReason(), detail(status, context), path);
        }
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static String detail(HttpStatus status, ErrorContext context) {
        return switch (status) {
            case NOT_FOUND -> "No resource at " + Requests.path(context.getRequest()) + "; see /swagger/dbpick-1.yml";
            case METHOD_NOT_ALLOWED -> context.getRequest().getMethodName() + " is not allowed on " + Requests.path(context.getRequest());
            case UNSUPPORTED_MEDIA_TYPE -> "Send the profile as application/json";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than the service accepts (64 KiB)";
            case INTERNAL_SERVER_ERROR -> "Internal error; the service log has the details";
            default -> status.getReason();
        };
    }

}
