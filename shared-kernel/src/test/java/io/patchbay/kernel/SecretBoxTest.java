package io.patchbay.kernel;

import io.patchbay.kernel.secret.SecretBox;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void sealsWithTheActiveKeyAndNeverShowsThePlaintext() {
        SecretBox box = new SecretBox(Map.of("k1", key()), "k1");
        String sealed = box.seal("s3cr3t-value");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("s3cr3t-value");
        assertThat(box.open(sealed)).isEqualTo("s3cr3t-value");
        assertThat(box.seal("s3cr3t-value")).isNotEqualTo(sealed);
        assertThat(box.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void rotationOpensOldValuesAndResealsThemWithTheNewKey() {
        byte[] k1 = key();
        String old = new SecretBox(Map.of("k1", k1), "k1").seal("value");
        SecretBox rotated = new SecretBox(Map.of("k1", k1, "k2", key()), "k2");
        assertThat(rotated.open(old)).isEqualTo("value");
        assertThat(rotated.needsRotation(old)).isTrue();
        String resealed = rotated.reseal(old);
        assertThat(SecretBox.keyIdOf(resealed)).isEqualTo("k2");
        assertThat(rotated.open(resealed)).isEqualTo("value");
        assertThat(rotated.needsRotation(resealed)).isFalse();
    }

    @Test
    void tamperedValuesUnknownKeysAndMovedKeyIdsFail() {
        byte[] k1 = key();
        SecretBox box = new SecretBox(Map.of("k1", k1, "k2", k1), "k1");
        String sealed = box.seal("value");
        String flipped = sealed.substring(0, sealed.length() - 3) + (sealed.charAt(sealed.length() - 3) == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> box.open(flipped)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(sealed.replace("v1:k1:", "v1:k2:"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open(sealed.replace("v1:k1:", "v1:k9:"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(Map.of("k", new byte[16]), "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
