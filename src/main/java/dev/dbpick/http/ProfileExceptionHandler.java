package dev.dbpick.http;

import dev.dbpick.profile.ProfileException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An invalid profile is the client's error: 400, naming the field and its allowed values. */
@Produces
@Singleton
public class ProfileExceptionHandler implements ExceptionHandler<ProfileException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProfileException e) {
        String title = e.getMessage().startsWith("invalid request") ? "Invalid request" : "Invalid profile";
        Problem problem = new Problem("about:blank", title, 400, e.getMessage(), Requests.path(request),
                e.field(), e.allowed());
        return HttpResponse.<Problem>badRequest(problem).contentType(Problem.MEDIA_TYPE);
    }
}
