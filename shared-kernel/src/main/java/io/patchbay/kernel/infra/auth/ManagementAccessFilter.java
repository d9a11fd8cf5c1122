package io.patchbay.kernel.infra.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityHandler;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.management.endpoint.loggers.LoggersEndpoint;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.ProblemResponses;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * Who may use the management endpoints (operations.md, "Management surface"). Endpoints configured non-sensitive
 * ({@code health}, {@code prometheus}) answer anyone; every other endpoint a service keeps answers platform admins only:
 * no token is a 401, a token without the {@code admin} role a 403. Health details are shown to admins only: the admin
 * becomes the request's principal, which {@code endpoints.health.details-visible: AUTHENTICATED} asks for. Changing log
 * levels stays off (405) unless {@code patchbay.management.loggers-write.enabled} is set.
 * <p>
 * Being an {@link EndpointSensitivityHandler}, this filter replaces Micronaut's own (which answers a bare 401 to everyone
 * for sensitive endpoints); its answers are problem+json like every other error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(AuthenticationFilter.ORDER + 1)
public class ManagementAccessFilter implements EndpointSensitivityHandler {
    private final Map<ExecutableMethod, Boolean> endpointMethods;
    private final Authenticator authenticator;
    private final boolean loggersWrite;

    public ManagementAccessFilter(EndpointSensitivityProcessor sensitivity, Authenticator authenticator,
                                  @Value("${patchbay.management.loggers-write.enabled:false}") boolean loggersWrite) {
        this.endpointMethods = sensitivity.getEndpointMethods();
        this.authenticator = authenticator;
        this.loggersWrite = loggersWrite;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (!(RouteAttributes.getRouteMatch(request).orElse(null) instanceof MethodBasedRouteMatch<?, ?> route)) {
            return null;
        }
        ExecutableMethod<?, ?> method = route.getExecutableMethod();
        Boolean sensitive = endpointMethods.get(method);
        if (sensitive == null) {
            return null;
        }
        Caller caller = callerOf(request);
        if (!sensitive) {
            if (caller != null && caller.isAdmin()) {
                request.setUserPrincipal(principal(caller));
            }
            return null;
        }
        if (caller == null) {
            return ProblemResponses.of(Problems.unauthorized("the management endpoints need an admin token"))
                    .header("WWW-Authenticate", "Bearer");
        }
        if (!caller.isAdmin()) {
            return ProblemResponses.of(Problems.forbidden("the management endpoints are for platform admins"));
        }
        if (!loggersWrite && method.getDeclaringType() == LoggersEndpoint.class && request.getMethod() != HttpMethod.GET
                && request.getMethod() != HttpMethod.HEAD) {
            return ProblemResponses.of(new ProblemException(ErrorKind.METHOD_NOT_ALLOWED, "changing log levels is turned off "
                    + "(PATCHBAY_MANAGEMENT_LOGGERS_WRITE_ENABLED=true turns it on)", List.of())).header("Allow", "GET");
        }
        request.setUserPrincipal(principal(caller));
        return null;
    }

    /** The caller when the request carries a valid token, else null (the public endpoints take anyone). */
    @Nullable
    private Caller callerOf(HttpRequest<?> request) {
        try {
            return authenticator.authenticate(request);
        } catch (ProblemException e) {
            return null;
        }
    }

    private static Principal principal(Caller caller) {
        String name = caller.userId();
        return () -> name;
    }
}
