package io.patchbay.kernel.error;

import java.util.List;
import java.util.OptionalLong;

/** Factories for the problems every service raises. */
public final class Problems {
    private Problems() {
    }

    public static ProblemException validation(String field, String message) {
        return new ProblemException(ErrorKind.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ErrorKind.VALIDATION_FAILED, detail, errors);
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(ErrorKind.UNPROCESSABLE, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ErrorKind.NOT_FOUND, what + " not found", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ErrorKind.FORBIDDEN, detail, List.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ErrorKind.UNAUTHORIZED, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ErrorKind.CONFLICT, detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ErrorKind.PRECONDITION_FAILED, detail, List.of());
    }

    public static ProblemException dependencyUnavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(ErrorKind.DEPENDENCY_UNAVAILABLE, ErrorKind.DEPENDENCY_UNAVAILABLE.code(), detail, List.of(),
                OptionalLong.of(retryAfterSeconds));
    }
}
