package dev.dbpick.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import dev.dbpick.support.KnowledgeException;
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
        if (e instanceof KnowledgeException fault) {
            // The knowledge in service passed its scenarios but fails on this profile: a fault in
            // the rules, which the rule authors need named (rule, file and line), not a bug.
            LOG.error("the rules in service failed on {} {}: {}", request.getMethodName(), Requests.path(request), fault.getMessage());
            return HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(Problem.of(500, "Internal Server Error", "The rules in service failed for this request: "
                            + fault.getMessage(), Requests.path(request)))
                    .contentType(Problem.MEDIA_TYPE);
        }
        LOG.error("internal error on {} {}: {}: {}", request.getMethodName(), Requests.path(request),
                e.getClass().getSimpleName(), e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse(""));
        LOG.debug("stack trace", e);
        return HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problem.of(500, "Internal Server Error", "Internal error; the service log has the details", Requests.path(request)))
                .contentType(Problem.MEDIA_TYPE);
    }
}
