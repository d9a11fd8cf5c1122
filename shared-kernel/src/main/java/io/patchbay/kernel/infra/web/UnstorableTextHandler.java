package io.patchbay.kernel.infra.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import jakarta.inject.Singleton;

/** Text PostgreSQL refused to store came from the caller: a 400, wherever it came in (see PostgresErrors). */
@Singleton
@Produces(ProblemBody.MEDIA_TYPE)
public class UnstorableTextHandler implements ExceptionHandler<UnstorableTextException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, UnstorableTextException exception) {
        return ProblemResponses.of(Problems.validation("request", exception.getMessage()));
    }
}
