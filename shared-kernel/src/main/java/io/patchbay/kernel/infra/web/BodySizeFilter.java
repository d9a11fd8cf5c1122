package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;

import java.util.List;

/**
 * Bodies over the limit ({@code PATCHBAY_MAX_BODY_BYTES}, 1 MiB) get a 413 problem. The transport's own hard limit
 * ({@code micronaut.server.max-request-size}) is set higher, so that this answer, not a bare 413, is what clients see.
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
    public HttpResponse<?> limit(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > maxBytes) {
            return ProblemResponses.build(ErrorKind.PAYLOAD_TOO_LARGE, ErrorKind.PAYLOAD_TOO_LARGE.code(),
                    "the request body has " + length + " bytes; the limit is " + maxBytes,
                    List.of(new FieldError("body", "must be at most " + maxBytes + " bytes")));
        }
        return null;
    }
}
