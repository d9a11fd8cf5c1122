package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Renders the errors Micronaut itself raises (unknown route, wrong method, unreadable body, unconvertible or missing
 * parameters, oversized bodies, unexpected exceptions) as problem+json. A 5xx never carries the exception's text.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ProblemBody> {
    @Override
    public MutableHttpResponse<ProblemBody> processResponse(ErrorContext context, MutableHttpResponse<?> baseResponse) {
        int status = baseResponse.code();
        ErrorKind kind = ProblemResponses.kindFor(status);
        if (status >= 500) {
            return copyHeaders(baseResponse, ProblemResponses.build(kind, kind.code(),
                    "the server failed to handle this request; it has been logged", List.of()));
        }
        List<FieldError> errors = context.getErrors().stream()
                .map(e -> new FieldError(fieldOf(e), FrameworkMessages.clean(e.getMessage())))
                .toList();
        String detail = errors.isEmpty() ? kind.title() : errors.size() == 1 ? errors.getFirst().message()
                : errors.size() + " problems in the request";
        return copyHeaders(baseResponse, ProblemResponses.build(kind, kind.code(), detail, errors));
    }

    /** The field at fault; a missing request body is {@code body}, not the Java name of the controller's parameter. */
    private static String fieldOf(Error error) {
        if (FrameworkMessages.isMissingBody(error.getMessage())) {
            return "body";
        }
        return error.getPath().orElse(FrameworkMessages.fieldOf(error.getMessage()));
    }

    private static MutableHttpResponse<ProblemBody> copyHeaders(MutableHttpResponse<?> base, MutableHttpResponse<ProblemBody> problem) {
        base.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem;
    }
}
