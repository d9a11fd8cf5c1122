package io.patchbay.oauth.domain;

/**
 * A config value as the request gave it: a {@link String}, a {@link Boolean}, {@code null} (remove the key, on PATCH),
 * or this marker for any other JSON type (reported by the validator with the other bad fields).
 */
public record ConfigInput(String jsonType) {
}
