package io.patchbay.kernel.infra.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the caller from {@code Authorization: Bearer <jwt>} (and {@code Key <jwt>} where a service allows it), once
 * per request: the result is kept as a request attribute.
 */
@Singleton
public class Authenticator {
    static final String ATTRIBUTE = "patchbay.caller";

    private final TokenVerifier verifier;
    private final List<String> schemes;
    private final String schemeNames;

    public Authenticator(TokenVerifier verifier, @Value("${patchbay.auth.schemes:Bearer}") List<String> schemes) {
        this.verifier = verifier;
        this.schemes = schemes.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        this.schemeNames = String.join(" or ", schemes.stream().map(String::trim).toList());
    }

    /** The caller a request was authenticated as, if it was (the audit trail's actor). */
    public static Optional<Caller> callerOf(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class);
    }

    public Caller authenticate(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class).orElseGet(() -> {
            Caller caller = verifier.verify(token(request));
            request.setAttribute(ATTRIBUTE, caller);
            return caller;
        });
    }

    private String token(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw Problems.unauthorized("the Authorization header is missing");
        }
        int space = header.indexOf(' ');
        String scheme = space > 0 ? header.substring(0, space).toLowerCase(Locale.ROOT) : "";
        if (!schemes.contains(scheme)) {
            throw Problems.unauthorized("the Authorization header must be " + schemeNames + " <token>");
        }
        String token = header.substring(space + 1).trim();
        if (token.isEmpty()) {
            throw Problems.unauthorized("the Authorization header has no token");
        }
        return token;
    }
}
