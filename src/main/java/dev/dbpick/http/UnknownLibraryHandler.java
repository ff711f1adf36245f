package dev.dbpick.http;

import dev.dbpick.advice.UnknownLibraryException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An unknown library id in a request: 404, with the closest known id. */
@Produces
@Singleton
public class UnknownLibraryHandler implements ExceptionHandler<UnknownLibraryException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UnknownLibraryException e) {
        Problem problem = Problem.of(404, "Not Found", e.getMessage() + " (GET /api/v1/catalog lists them)",
                Requests.path(request));
        return HttpResponse.<Problem>status(HttpStatus.NOT_FOUND).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
