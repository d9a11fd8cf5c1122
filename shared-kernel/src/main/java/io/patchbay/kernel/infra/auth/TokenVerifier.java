package io.patchbay.kernel.infra.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.CallerClaims;
import io.patchbay.kernel.error.Problems;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a JWT locally: HS256 with the shared secret, or RS256/ES256 with keys from a JWKS URL. Unsigned
 * ({@code alg: none}), expired, not-yet-valid, wrongly signed and malformed tokens are rejected with 401.
 */
public final class TokenVerifier {
    /** How long a verified token is remembered at most (and never past its {@code exp}): a key removed from the JWKS stops
     *  a token within this time. */
    static final long REMEMBER_MILLIS = 60_000;
    /** Tokens remembered at most; the memory is emptied when it is full. */
    static final int REMEMBERED_TOKENS = 10_000;
    private final DefaultJWTProcessor<SecurityContext> processor;
    /**
     * Tokens verified recently, by their whole compact form (header, claims and signature: a token that differs in one
     * byte is verified again). A caller sends the same token with every request, and checking its signature and claims
     * again each time was a tenth of a read request's CPU.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Caller caller, long untilMillis) {
    }

    private TokenVerifier(DefaultJWTProcessor<SecurityContext> processor) {
        this.processor = processor;
    }

    public static TokenVerifier hs256(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("PATCHBAY_JWT_SECRET must be at least 32 bytes for HS256");
        }
        return of(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(key)));
    }

    public static TokenVerifier jwks(String jwksUrl) {
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(URI.create(jwksUrl).toURL()).retrying(true).build();
            return of(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source));
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("PATCHBAY_JWKS_URL is not a URL: " + jwksUrl, e);
        }
    }

    private static TokenVerifier of(JWSVerificationKeySelector<SecurityContext> selector) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(selector);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, Set.of("sub", "exp")));
        return new TokenVerifier(processor);
    }

    public Caller verify(String token) {
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.untilMillis()) {
                return known.caller();
            }
            verified.remove(token);
        }
        JWTClaimsSet claims = claims(token);
        Caller caller;
        try {
            caller = CallerClaims.fromClaims(claims.getClaims());
        } catch (IllegalArgumentException e) {
            throw Problems.unauthorized("the token's claims are invalid: " + e.getMessage());
        }
        if (verified.size() >= REMEMBERED_TOKENS) {
            verified.clear();
        }
        verified.put(token, new Verified(caller, Math.min(now + REMEMBER_MILLIS, claims.getExpirationTime().getTime())));
        return caller;
    }

    private JWTClaimsSet claims(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw Problems.unauthorized("the token is malformed");
        } catch (BadJOSEException e) {
            throw Problems.unauthorized(reason(e));
        } catch (JOSEException e) {
            throw Problems.unauthorized("the token could not be verified");
        }
        return claims;
    }

    private static String reason(BadJOSEException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Expired")) {
            return "the token has expired";
        }
        if (message.contains("Unsecured") || message.contains("plain")) {
            return "unsigned tokens are not accepted";
        }
        if (message.contains("missing") || message.contains("required")) {
            return "the token lacks a required claim (sub, exp)";
        }
        return "the token's signature or claims are not valid";
    }
}
