package dev.dbpick.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever no other handler answers is a bug: 500 as problem details, logged as one line with
 * the request and the exception's type and message, and the stack trace at debug level.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception e) {
        LOG.error("internal error on {} {}: {}: {}", request.getMethodName(), Requests.path(request),
                e.getClass().getSimpleName(), e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse(""));
        LOG.debug("stack trace", e);
        return HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problem.of(500, "Internal Server Error", "Internal error; the service log has the details", Requests.path(request)))
                .contentType(Problem.MEDIA_TYPE);
    }
}
