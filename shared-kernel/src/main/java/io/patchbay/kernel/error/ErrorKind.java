package io.patchbay.kernel.error;

/** The stable error codes of every Patchbay API, with the HTTP status each maps to. */
public enum ErrorKind {
    VALIDATION_FAILED(400, "validation_failed", "Invalid request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not_found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not_acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition_failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable request"),
    TOO_MANY_REQUESTS(429, "rate_limited", "Too many requests"),
    INTERNAL(500, "internal_error", "Internal error"),
    DEPENDENCY_UNAVAILABLE(503, "dependency_unavailable", "Dependency unavailable");

    private final int status;
    private final String code;
    private final String title;

    ErrorKind(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
