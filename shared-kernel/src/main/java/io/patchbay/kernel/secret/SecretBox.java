package io.patchbay.kernel.secret;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * AES-256-GCM encryption of secret values with key ids, so keys can rotate: a sealed value is
 * {@code v1:<keyId>:<base64(iv | ciphertext+tag)>}. New values are sealed with the active key; any known key opens.
 * The key id is also bound as associated data, so a value cannot be moved to another key id.
 */
public final class SecretBox {
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    public SecretBox(Map<String, byte[]> keys, String activeKeyId) {
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("no key with id " + activeKeyId);
        }
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("key " + id + " must be 32 bytes (AES-256), has " + key.length);
            }
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("key id must be non-blank and contain no ':'");
            }
            specs.put(id, new SecretKeySpec(key, "AES"));
        });
        this.keys = Map.copyOf(specs);
        this.activeKeyId = activeKeyId;
    }

    /** A box from {@code PATCHBAY_ENCRYPTION_KEY}-style base64 of 32 bytes, under the given id. */
    public static SecretBox ofBase64Key(String keyId, String base64Key) {
        return new SecretBox(Map.of(keyId, Base64.getDecoder().decode(base64Key)), keyId);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String seal(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, activeKeyId, iv, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String open(String sealedValue) {
        String[] parts = sealedValue.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] in = Base64.getDecoder().decode(parts[2]);
        if (in.length <= IV_BYTES) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
        return new String(crypt(Cipher.DECRYPT_MODE, parts[1], iv, body), StandardCharsets.UTF_8);
    }

    /** The key id a sealed value was made with. */
    public static String keyIdOf(String sealedValue) {
        String[] parts = sealedValue.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return parts[1];
    }

    /** True when the value was sealed with another key than the active one (re-encrypt it with {@link #reseal}). */
    public boolean needsRotation(String sealedValue) {
        return !activeKeyId.equals(keyIdOf(sealedValue));
    }

    public String reseal(String sealedValue) {
        return needsRotation(sealedValue) ? seal(open(sealedValue)) : sealedValue;
    }

    private byte[] crypt(int mode, String keyId, byte[] iv, byte[] input) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown key id " + keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[activeKeyId=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
