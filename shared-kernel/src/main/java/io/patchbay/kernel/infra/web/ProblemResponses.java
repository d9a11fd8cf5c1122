package io.patchbay.kernel.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.error.Problems;

import java.util.List;

/** Builds problem+json responses: the one place that turns an error into what the caller sees. */
public final class ProblemResponses {
    private static final String TYPE_BASE = "https://patchbay.io/problems/";

    private ProblemResponses() {
    }

    public static MutableHttpResponse<ProblemBody> of(ProblemException problem) {
        MutableHttpResponse<ProblemBody> response = build(problem.kind(), problem.code(), problem.detail(), problem.errors());
        problem.retryAfterSeconds().ifPresent(s -> response.header("Retry-After", Long.toString(s)));
        return response;
    }

    public static MutableHttpResponse<ProblemBody> build(ErrorKind kind, String code, String detail, List<FieldError> errors) {
        ProblemBody body = new ProblemBody(TYPE_BASE + code.replace('_', '-'), kind.title(), ProblemStatus.of(kind), detail, code,
                errors.stream().map(e -> new ProblemBody.FieldErrorBody(e.field(), e.message())).toList());
        return HttpResponse.<ProblemBody>status(HttpStatus.valueOf(ProblemStatus.of(kind)))
                .contentType(ProblemBody.MEDIA_TYPE)
                .body(body);
    }

    /** The error kind for an HTTP status the framework chose (404 route, 405, 415 …). */
    public static ErrorKind kindFor(int status) {
        return ProblemStatus.kindFor(status);
    }

    /**
     * The problem a broken domain rule is answered with: not found → 404, a conflicting fact → 409, not permitted → 403,
     * invalid values → 400 naming each value by the wire field {@code fieldOf} gives for its domain attribute.
     */
    public static ProblemException problemOf(DomainException error) {
        return switch (error) {
            case DomainException.NotFound n -> Problems.notFound(n.what());
            case DomainException.Conflict c -> Problems.conflict(c.fact());
            case DomainException.NotPermitted p -> Problems.forbidden(p.reason());
            case DomainException.InvalidValue v -> Problems.validation(v.violations().stream()
                    .map(x -> new FieldError(x.attribute(), x.reason())).toList());
        };
    }
}
