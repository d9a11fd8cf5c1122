package io.patchbay.config.adapter.out.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    @Test
    void signaturesAreVercelsHexHmacSha1() {
        // RFC 2202, HMAC-SHA1 test case 2
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertThat(WebhookSignature.HEADER).isEqualTo("x-vercel-signature");
    }
}
