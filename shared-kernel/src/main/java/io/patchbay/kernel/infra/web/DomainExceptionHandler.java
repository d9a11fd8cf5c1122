package io.patchbay.kernel.infra.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.patchbay.kernel.error.DomainException;
import jakarta.inject.Singleton;

/**
 * Renders every {@link DomainException} a use case lets through as problem+json: the status and code for the broken
 * rule ({@link ProblemResponses#problemOf}), the field names through the service's {@link WireFieldNames} if it has one.
 */
@Singleton
@Produces(ProblemBody.MEDIA_TYPE)
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {
    private final WireFieldNames names;

    public DomainExceptionHandler(@Nullable WireFieldNames names) {
        this.names = names == null ? attribute -> attribute : names;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        return ProblemResponses.of(ProblemResponses.problemOf(exception, names::fieldOf));
    }
}
