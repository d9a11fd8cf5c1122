package io.patchbay.kernel.error;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A failure the caller is told about as RFC 9457 problem+json. Domain and application code throw it (through
 * {@link Problems}); the web adapter of shared-kernel renders it.
 */
public class ProblemException extends RuntimeException {
    private final ErrorKind kind;
    private final List<FieldError> errors;
    private final OptionalLong retryAfterSeconds;
    private final String code;

    public ProblemException(ErrorKind kind, String detail, List<FieldError> errors) {
        this(kind, kind.code(), detail, errors, OptionalLong.empty());
    }

    public ProblemException(ErrorKind kind, String code, String detail, List<FieldError> errors, OptionalLong retryAfterSeconds) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The machine-readable code; the kind's code unless a more precise one was given. */
    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
