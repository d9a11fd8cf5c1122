package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.auth.AuthenticationFilter;
import io.patchbay.kernel.infra.auth.Authenticator;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Per-caller rate limits, with the headers Vercel's API sends: {@code X-RateLimit-Limit} (requests per window),
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (UTC epoch seconds when the window ends) on every counted
 * response, and past the limit a 429 problem ({@code rate_limited}) with {@code Retry-After} in seconds.
 * <ul>
 *   <li>A caller is the token's user; a request without a valid token counts for its client address.</li>
 *   <li>Platform admins are not limited (and get no headers); {@code patchbay.rate-limit.exempt-paths} (health and
 *       Prometheus, for probes and scrapers) are not counted.</li>
 *   <li>Counted per instance: behind a load balancer over {@code n} replicas a caller may send up to {@code n} times the
 *       limit.</li>
 * </ul>
 * Settings: {@code patchbay.rate-limit.enabled} (true), {@code .limit} (6000), {@code .window} (1m),
 * {@code .exempt-paths} ({@code /health,/prometheus}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(AuthenticationFilter.ORDER - 10)
@Requires(property = "patchbay.rate-limit.enabled", notEquals = "false")
public class RateLimitFilter {
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    private static final String ATTRIBUTE = "patchbay.rateLimit";

    private final RateLimiter limiter;
    private final Authenticator authenticator;
    private final List<String> exemptPaths;

    public RateLimitFilter(Authenticator authenticator,
                           @Value("${patchbay.rate-limit.limit:6000}") long limit,
                           @Value("${patchbay.rate-limit.window:1m}") Duration window,
                           @Value("${patchbay.rate-limit.exempt-paths:/health,/prometheus}") List<String> exemptPaths) {
        // wall-clock time, not the service's Clock bean: tests that move the domain clock must not move rate windows
        this.limiter = new RateLimiter(limit, window, Clock.systemUTC());
        this.authenticator = authenticator;
        this.exemptPaths = exemptPaths.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> count(HttpRequest<?> request) {
        String path = request.getPath();
        if (exemptPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return null;
        }
        Caller caller = callerOf(request);
        if (caller != null && caller.isAdmin()) {
            return null;
        }
        RateLimiter.Decision decision = limiter.take(caller != null ? "user:" + caller.userId() : "address:" + addressOf(request));
        request.setAttribute(ATTRIBUTE, decision);
        if (decision.allowed()) {
            return null;
        }
        MutableHttpResponse<?> refused = ProblemResponses.of(new ProblemException(ErrorKind.TOO_MANY_REQUESTS,
                ErrorKind.TOO_MANY_REQUESTS.code(), "more than " + decision.limit() + " requests in this window; try again in "
                + decision.retryAfterSeconds() + " s", List.of(), OptionalLong.of(decision.retryAfterSeconds())));
        headers(decision, refused);
        return refused;
    }

    @ResponseFilter
    public void annotate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, RateLimiter.Decision.class).ifPresent(d -> headers(d, response));
    }

    private static void headers(RateLimiter.Decision decision, MutableHttpResponse<?> response) {
        response.getHeaders().set(LIMIT, Long.toString(decision.limit()));
        response.getHeaders().set(REMAINING, Long.toString(decision.remaining()));
        response.getHeaders().set(RESET, Long.toString(decision.resetEpochSeconds()));
    }

    @Nullable
    private Caller callerOf(HttpRequest<?> request) {
        try {
            return authenticator.authenticate(request);
        } catch (ProblemException e) {
            return null;
        }
    }

    private static String addressOf(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
