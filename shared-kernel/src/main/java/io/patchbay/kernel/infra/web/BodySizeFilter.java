package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;

import java.util.List;

/**
 * Bodies over the limit ({@code PATCHBAY_MAX_BODY_BYTES}, 1 MiB) get a 413 problem, whether the size is declared
 * ({@code Content-Length}) or only known once the body is read ({@code Transfer-Encoding: chunked}). The transport's own
 * hard limit ({@code micronaut.server.max-request-size}) is set higher; a body over that one never gets here and is
 * answered by {@link TransportLimits}, with the same problem.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeFilter {
    private final long maxBytes;

    public BodySizeFilter(@Value("${patchbay.http.max-body-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request, @Nullable @Body byte[] body) {
        long length = Math.max(request.getContentLength(), body == null ? 0 : body.length);
        return length > maxBytes ? tooLarge(length, maxBytes) : null;
    }

    /** The 413 problem for a body of {@code length} bytes ({@code -1}: more than the limit, exact size unknown). */
    static MutableHttpResponse<ProblemBody> tooLarge(long length, long maxBytes) {
        return ProblemResponses.build(ErrorKind.PAYLOAD_TOO_LARGE, ErrorKind.PAYLOAD_TOO_LARGE.code(),
                (length < 0 ? "the request body is larger than " + maxBytes + " bytes" : "the request body has " + length + " bytes")
                        + "; the limit is " + maxBytes,
                List.of(new FieldError("body", "must be at most " + maxBytes + " bytes")));
    }
}
