package io.patchbay.kernel.infra.secret;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's {@link SecretBox}: the active key {@code PATCHBAY_ENCRYPTION_KEY} (base64 of 32 bytes) under
 * {@code PATCHBAY_ENCRYPTION_KEY_ID}, plus older keys that still decrypt, {@code PATCHBAY_ENCRYPTION_OLD_KEYS}
 * ({@code id:base64,id:base64}). The default key is for local development only.
 */
@Factory
public class SecretBoxFactory {
    /** 32 bytes, base64: development only. */
    public static final String DEV_KEY = "cGF0Y2hiYXktZGV2LWtleS1ub3QtZm9yLXByb2QhISE=";

    @Singleton
    SecretBox secretBox(@Value("${patchbay.encryption.key:" + DEV_KEY + "}") String key,
                        @Value("${patchbay.encryption.key-id:k1}") String keyId,
                        @Value("${patchbay.encryption.old-keys:}") String oldKeys) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (!oldKeys.isBlank()) {
            for (String entry : oldKeys.split(",")) {
                String[] parts = entry.trim().split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("PATCHBAY_ENCRYPTION_OLD_KEYS entries are id:base64");
                }
                keys.put(parts[0], decode(parts[1], parts[0]));
            }
        }
        keys.put(keyId, decode(key, keyId));
        return new SecretBox(keys, keyId);
    }

    private static byte[] decode(String base64, String id) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key " + id + " is not base64", e);
        }
    }
}
