package io.patchbay.kernel.infra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.auth.TokenVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production mode: RS256 and ES256 tokens checked against keys served from a JWKS URL by a real HTTP server. */
class JwksTokenVerifierTest {
    private HttpServer server;
    private RSAKey rsa;
    private ECKey ec;

    @BeforeEach
    void serveKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().subject("svc-user").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
    }

    @Test
    void acceptsTokensSignedByServedKeysAndRefusesOthers() throws Exception {
        TokenVerifier verifier = TokenVerifier.jwks("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims());
        rs.sign(new RSASSASigner(rsa));
        SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims());
        es.sign(new ECDSASigner(ec));
        assertThat(verifier.verify(rs.serialize()).userId()).isEqualTo("svc-user");
        assertThat(verifier.verify(es.serialize()).userId()).isEqualTo("svc-user");

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims());
        forged.sign(new RSASSASigner(stranger));
        assertThatThrownBy(() -> verifier.verify(forged.serialize())).isInstanceOf(ProblemException.class);
        String hs = io.patchbay.kernel.infra.auth.TokenMinter.dev().mint("u", List.of(), List.of(), null, java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> verifier.verify(hs)).isInstanceOf(ProblemException.class);
    }
}
