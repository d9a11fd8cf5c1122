package io.patchbay.kernel.infra.web;

import io.patchbay.kernel.error.ErrorKind;

import java.util.Arrays;

/** The HTTP status each error kind is answered with: the web edge's half of {@link ErrorKind}. */
public final class ProblemStatus {
    private ProblemStatus() {
    }

    public static int of(ErrorKind kind) {
        return switch (kind) {
            case VALIDATION_FAILED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case INTERNAL -> 500;
            case DEPENDENCY_UNAVAILABLE -> 503;
        };
    }

    /** The error kind for an HTTP status the framework chose (404 route, 405, 415 …). */
    public static ErrorKind kindFor(int status) {
        return Arrays.stream(ErrorKind.values()).filter(k -> of(k) == status).findFirst()
                .orElse(status >= 500 ? ErrorKind.INTERNAL : ErrorKind.VALIDATION_FAILED);
    }
}
