package io.patchbay.kernel.infra.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.regex.Pattern;

/** Takes {@code X-Request-Id} (or makes one), echoes it back and logs one line per request with it. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "patchbay.requestId";
    private static final String STARTED = "patchbay.requestStarted";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger("patchbay.access");

    @RequestFilter
    public void assign(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ATTRIBUTE, String.class).orElse("-");
        response.header(HEADER, id);
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        if (LOG.isInfoEnabled()) {
            LOG.info("request_id={} method={} path={} status={} duration_ms={}", id, request.getMethodName(), request.getPath(),
                    response.code(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
