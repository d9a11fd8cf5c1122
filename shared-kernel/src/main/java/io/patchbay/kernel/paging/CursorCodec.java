package io.patchbay.kernel.paging;

import io.patchbay.kernel.error.Problems;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque, tamper-evident page cursors: the parts of a keyset position, joined, base64url-encoded and signed with
 * HMAC-SHA256. A cursor that was altered, truncated or made by another key fails {@link #decode} with a 400 naming
 * the parameter.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '\u001f';
    private static final int MAC_BYTES = 16;

    private final byte[] key;

    public CursorCodec(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("cursor key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    public String encode(List<String> parts) {
        byte[] payload = String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(payload);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, token, payload.length, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The parts of a cursor made by {@link #encode}; 400 on {@code parameter} when it is not one. */
    public List<String> decode(String cursor, String parameter, int expectedParts) {
        byte[] token;
        try {
            token = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw Problems.validation(parameter, "is not a valid cursor");
        }
        if (token.length <= MAC_BYTES) {
            throw Problems.validation(parameter, "is not a valid cursor");
        }
        byte[] payload = Arrays.copyOf(token, token.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC_BYTES, token.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            throw Problems.validation(parameter, "is not a valid cursor");
        }
        List<String> parts = new ArrayList<>(List.of(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != expectedParts) {
            throw Problems.validation(parameter, "is not a valid cursor");
        }
        return parts;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
