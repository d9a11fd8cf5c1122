package io.patchbay.kernel.infra.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.patchbay.kernel.auth.TeamMembership;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Signs HS256 tokens with the development secret: for {@code ./patchbay token} and for tests. */
public final class TokenMinter {
    private final byte[] secret;

    public TokenMinter(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static TokenMinter dev() {
        return new TokenMinter(AuthSettings.DEV_SECRET);
    }

    public String mint(String userId, Collection<TeamMembership> teams, Collection<String> roles, String environmentId, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("teams", teams.stream().map(t -> Map.of("id", t.teamId(), "role", t.role().name())).toList())
                .claim("roles", List.copyOf(roles));
        if (environmentId != null) {
            claims.claim("environment_id", environmentId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign token", e);
        }
    }
}
