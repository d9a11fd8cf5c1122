package io.patchbay.kernel.infra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.auth.AuthSettings;
import io.patchbay.kernel.infra.auth.TokenMinter;
import io.patchbay.kernel.infra.auth.TokenVerifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {
    private final TokenVerifier verifier = TokenVerifier.hs256(AuthSettings.DEV_SECRET);

    @Test
    void acceptsAMintedToken() {
        String token = TokenMinter.dev().mint("user1", List.of(new TeamMembership("team_a", TeamRole.DEVELOPER)), List.of("admin"), null,
                Duration.ofMinutes(5));
        Caller caller = verifier.verify(token);
        assertThat(caller.userId()).isEqualTo("user1");
        assertThat(caller.managesTeam("team_a")).isTrue();
        assertThat(caller.isAdmin()).isTrue();
    }

    @Test
    void refusesExpiredUnsignedWronglySignedAndMalformedTokens() throws Exception {
        String expired = TokenMinter.dev().mint("u", List.of(), List.of(), null, Duration.ofMinutes(-5));
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("u").expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build()).serialize();
        SignedJWT foreign = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().subject("u").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        foreign.sign(new MACSigner("another-secret-that-is-long-enough-for-hs256!!"));
        SignedJWT noExpiry = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("u").build());
        noExpiry.sign(new MACSigner(AuthSettings.DEV_SECRET));
        for (String bad : List.of(expired, unsigned, foreign.serialize(), noExpiry.serialize(), "not.a.jwt", "abc")) {
            assertThatThrownBy(() -> verifier.verify(bad))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        }
        assertThatThrownBy(() -> verifier.verify(expired)).hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier.verify(unsigned)).hasMessageContaining("unsigned");
    }

    @Test
    void aRememberedTokenDoesNotLetATamperedCopyThrough() {
        String token = TokenMinter.dev().mint("user1", List.of(new TeamMembership("team_a", TeamRole.DEVELOPER)), List.of(), null,
                Duration.ofMinutes(5));
        Caller first = verifier.verify(token);
        assertThat(verifier.verify(token)).isEqualTo(first);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String tamperedSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        String otherClaims = TokenMinter.dev().mint("user1", List.of(), List.of("admin"), null, Duration.ofMinutes(5)).split("\\.")[1];
        for (String bad : List.of(tamperedSignature, parts[0] + "." + otherClaims + "." + parts[2])) {
            assertThatThrownBy(() -> verifier.verify(bad))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        }
    }
}
