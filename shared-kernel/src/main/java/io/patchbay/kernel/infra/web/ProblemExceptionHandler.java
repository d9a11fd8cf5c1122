package io.patchbay.kernel.infra.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.patchbay.kernel.error.ProblemException;
import jakarta.inject.Singleton;

/** Renders every {@link ProblemException} thrown by a use case or a controller. */
@Singleton
@Produces(ProblemBody.MEDIA_TYPE)
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return ProblemResponses.of(exception);
    }
}
