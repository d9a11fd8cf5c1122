package io.patchbay.kernel.infra.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.web.ProblemResponses;

import java.util.List;

/** Every endpoint but health, metrics and API docs needs a valid token; a request without one gets 401. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(AuthenticationFilter.ORDER)
public class AuthenticationFilter {
    /** After the request id, the body checks and the rate limit; before the management access check. */
    public static final int ORDER = 100;
    private final Authenticator authenticator;
    private final List<String> publicPrefixes;

    public AuthenticationFilter(Authenticator authenticator,
                                @Value("${patchbay.auth.public-paths:/health,/prometheus,/openapi,/swagger-ui}") List<String> publicPrefixes) {
        this.authenticator = authenticator;
        this.publicPrefixes = publicPrefixes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (publicPrefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return null;
        }
        try {
            authenticator.authenticate(request);
            return null;
        } catch (ProblemException e) {
            return ProblemResponses.of(e).header("WWW-Authenticate", "Bearer");
        }
    }
}
