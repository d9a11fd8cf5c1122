package io.patchbay.kernel.infra.secret;

import io.patchbay.kernel.secret.SecretBox;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxFactoryTest {
    private static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void theActiveKeySealsAndOldKeysStillOpen() {
        String old = newKey();
        String sealedWithOld = new SecretBoxFactory().secretBox(old, "k1", "").seal("value");
        SecretBox rotated = new SecretBoxFactory().secretBox(newKey(), "k2", "k1:" + old);
        assertThat(rotated.open(sealedWithOld)).isEqualTo("value");
        assertThat(SecretBox.keyIdOf(rotated.seal("x"))).isEqualTo("k2");
        assertThat(new SecretBoxFactory().secretBox(SecretBoxFactory.DEV_KEY, "k1", "").activeKeyId()).isEqualTo("k1");
    }

    @Test
    void malformedKeysAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new SecretBoxFactory().secretBox("not base64!", "k1", "")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new SecretBoxFactory().secretBox(newKey(), "k2", "k1")).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> new SecretBoxFactory().secretBox(Base64.getEncoder().encodeToString(new byte[16]), "k1", ""))
                .hasMessageContaining("32 bytes");
    }
}
