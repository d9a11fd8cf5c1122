package io.patchbay.kernel;

import io.patchbay.kernel.secret.SecretScrubber;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberTest {
    @Test
    void everyValueIsReplacedWhereverItOccursWhateverTheCase() {
        String text = "could not connect as 'Catalog_Probe': FATAL: password authentication failed for user \"catalog_probe\"";
        String scrubbed = SecretScrubber.scrub(text, List.of("catalog_probe", "not-the-password"));
        assertThat(scrubbed).isEqualTo("could not connect as '[redacted]': FATAL: password authentication failed for user \"[redacted]\"");
        assertThat(SecretScrubber.scrub("userCATALOG_PROBEx", List.of("catalog_probe"))).isEqualTo("user[redacted]x");
    }

    @Test
    void theFormsARemoteSystemEchoesAValueInAreReplacedToo() {
        String secret = "p@ss word/\"quoted\"";
        String text = String.join(" | ", URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"), "p@ss word/\\\"quoted\\\"",
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(SecretScrubber.scrub(text, List.of(secret))).isEqualTo("[redacted] | [redacted] | [redacted] | [redacted]");
    }

    @Test
    void shortValuesAreReplacedOnlyAsWordsOfTheirOwn() {
        String text = "could not connect to PostgreSQL at 127.0.0.1:1: role \"u\" does not exist (p)";
        assertThat(SecretScrubber.scrub(text, List.of("u", "p")))
                .isEqualTo("could not connect to PostgreSQL at 127.0.0.1:1: role \"[redacted]\" does not exist ([redacted])");
    }

    @Test
    void aValueContainingAnotherLeavesNoRemainderAndTheMarkerIsNotScrubbedAgain() {
        String scrubbed = SecretScrubber.scrub("token abcdef-secret-123 and redacted", Arrays.asList("secret", "abcdef-secret-123", "redacted", null, " "));
        assertThat(scrubbed).isEqualTo("token [redacted] and [redacted]");
        assertThat(SecretScrubber.reveals("token abcdef-secret-123", List.of("abcdef-secret-123"))).isTrue();
        assertThat(SecretScrubber.reveals(scrubbed, List.of("abcdef-secret-123"))).isFalse();
    }

    @Test
    void nothingToScrubLeavesTheTextAsItIs() {
        assertThat(SecretScrubber.scrub(null, List.of("x"))).isNull();
        assertThat(SecretScrubber.scrub("plain", List.of())).isEqualTo("plain");
        assertThat(SecretScrubber.scrub("plain", null)).isEqualTo("plain");
    }
}
