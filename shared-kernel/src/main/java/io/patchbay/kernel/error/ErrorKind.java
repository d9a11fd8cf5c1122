package io.patchbay.kernel.error;

/**
 * The stable error codes of every Patchbay API and their titles. The HTTP status of each is the web edge's business
 * ({@code io.patchbay.kernel.infra.web.ProblemStatus}).
 */
public enum ErrorKind {
    VALIDATION_FAILED("validation_failed", "Invalid request"),
    UNAUTHORIZED("unauthorized", "Unauthorized"),
    FORBIDDEN("forbidden", "Forbidden"),
    NOT_FOUND("not_found", "Not found"),
    METHOD_NOT_ALLOWED("method_not_allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not_acceptable", "Not acceptable"),
    CONFLICT("conflict", "Conflict"),
    PRECONDITION_FAILED("precondition_failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload_too_large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Unsupported media type"),
    UNPROCESSABLE("unprocessable", "Unprocessable request"),
    TOO_MANY_REQUESTS("rate_limited", "Too many requests"),
    INTERNAL("internal_error", "Internal error"),
    DEPENDENCY_UNAVAILABLE("dependency_unavailable", "Dependency unavailable");

    private final String code;
    private final String title;

    ErrorKind(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
