package io.patchbay.kernel.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.ProblemException;

import java.util.Arrays;
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
        ProblemBody body = new ProblemBody(TYPE_BASE + code.replace('_', '-'), kind.title(), kind.status(), detail, code,
                errors.stream().map(e -> new ProblemBody.FieldErrorBody(e.field(), e.message())).toList());
        return HttpResponse.<ProblemBody>status(HttpStatus.valueOf(kind.status()))
                .contentType(ProblemBody.MEDIA_TYPE)
                .body(body);
    }

    /** The error kind for an HTTP status the framework chose (404 route, 405, 415 …). */
    public static ErrorKind kindFor(int status) {
        return Arrays.stream(ErrorKind.values()).filter(k -> k.status() == status).findFirst()
                .orElse(status >= 500 ? ErrorKind.INTERNAL : ErrorKind.VALIDATION_FAILED);
    }
}
