package io.patchbay.oauth.adapter.out.http;

import io.patchbay.oauth.application.port.out.TokenEndpoint;
import io.patchbay.oauth.domain.Pkce;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the provider says is passed on only with every secret the request carried taken out, and cut short. */
class ProviderHttpClientTest {
    @Test
    void secretsAreStrippedInEveryFormTheyMayBeEchoed() {
        String secret = "s3cr+t/with=chars";
        String echoed = "bad secret " + secret + " (encoded: " + URLEncoder.encode(secret, StandardCharsets.UTF_8) + ")";
        TokenEndpoint.Refused refused = ProviderHttpClient.refused(401, "invalid_client " + secret, echoed, List.of(secret));
        assertThat(refused.error()).isEqualTo("invalid_client [redacted]");
        assertThat(refused.description()).doesNotContain(secret).doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8))
                .contains("[redacted]");
        assertThat(ProviderHttpClient.strip("x".repeat(2000), List.of())).hasSize(ProviderHttpClient.MAX_ERROR_TEXT + 1);
        assertThat(ProviderHttpClient.strip(null, List.of(secret))).isNull();
    }

    @Test
    void theKernelRuleAlsoCatchesASecretEchoedInAnotherCaseJsonEscapedOrAsBase64() {
        String secret = "Sk-Live\"Quote\\9";
        String echoed = "client SK-LIVE\"QUOTE\\9 unknown; raw {\"secret\":\"Sk-Live\\\"Quote\\\\9\"}; basic "
                + java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        TokenEndpoint.Refused refused = ProviderHttpClient.refused(400, "invalid_client", echoed, List.of(secret));
        assertThat(refused.description()).isEqualTo("client [redacted] unknown; raw {\"secret\":\"[redacted]\"}; basic [redacted]");
    }

    @Test
    void aTokenEndpointNoUriParserAcceptsIsARefusalNotAnException() {
        ProviderHttpClient client = new ProviderHttpClient(null, Duration.ofSeconds(1), Duration.ofSeconds(1));
        TokenEndpoint.Result result = client.clientCredentials(new TokenEndpoint.Client("https://idp.example.com/token|v2", "id", "s",
                TokenEndpoint.AuthMethod.CLIENT_SECRET_POST), null);
        assertThat(result).isInstanceOfSatisfying(TokenEndpoint.Refused.class, r -> assertThat(r.error()).isEqualTo("invalid_token_endpoint"));
    }

    @Test
    void expiresInIsKeptWithinARangeAnInstantCanAdd() {
        assertThat(ProviderHttpClient.number(3600)).isEqualTo(3600L);
        assertThat(ProviderHttpClient.number("3600")).isEqualTo(3600L);
        assertThat(ProviderHttpClient.number(Long.MAX_VALUE)).isEqualTo((long) Integer.MAX_VALUE);
        assertThat(ProviderHttpClient.number(1e300)).isEqualTo((long) Integer.MAX_VALUE);
        assertThat(ProviderHttpClient.number(-5)).isZero();
        assertThat(ProviderHttpClient.number("soon")).isNull();
        assertThat(ProviderHttpClient.number(null)).isNull();
    }

    @Test
    void pkceS256MatchesRfc7636AppendixB() {
        assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.randomValue()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Pkce.randomValue());
    }
}
