package io.patchbay.kernel.infra.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.patchbay.kernel.error.DomainException;
import jakarta.inject.Singleton;

/**
 * Renders every {@link DomainException} a use case lets through as problem+json: the status and code for the broken
 * rule ({@link ProblemResponses#problemOf}). Where a service's wire field names differ from the domain's attribute names,
 * its web adapter renames them before the exception gets here (catalog-service's {@code WireFields}).
 */
@Singleton
@Produces(ProblemBody.MEDIA_TYPE)
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        return ProblemResponses.of(ProblemResponses.problemOf(exception));
    }
}
