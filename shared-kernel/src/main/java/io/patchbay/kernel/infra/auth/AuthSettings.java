package io.patchbay.kernel.infra.auth;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * How tokens are checked: {@code PATCHBAY_JWKS_URL} (RS256/ES256, production) when set, else HS256 with
 * {@code PATCHBAY_JWT_SECRET} (the development default).
 */
@Factory
public class AuthSettings {
    /** The development secret; {@code ./patchbay token} signs with it. Never use it in production. */
    public static final String DEV_SECRET = "patchbay-dev-secret-not-for-production-0123456789";

    @Singleton
    TokenVerifier tokenVerifier(@Nullable @Value("${patchbay.jwks.url:}") String jwksUrl,
                                @Value("${patchbay.jwt.secret:" + DEV_SECRET + "}") String secret) {
        return jwksUrl != null && !jwksUrl.isBlank() ? TokenVerifier.jwks(jwksUrl) : TokenVerifier.hs256(secret);
    }
}
