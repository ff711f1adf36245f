package dev.dbpick.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** A ranking past its time budget, or out of memory: 503 problem details with the revision and the rule, and Retry-After. */
@Produces
@Singleton
public class RevisionFailedHandler implements ExceptionHandler<RevisionFailedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RevisionFailedException e) {
        Problem problem = new Problem("about:blank", "Service Unavailable", 503, e.getMessage(), Requests.path(request), null,
                List.of(), List.of(), e.revision(), e.rule());
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE).body(problem).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", e.rolledBack() ? "1" : "30");
    }
}
