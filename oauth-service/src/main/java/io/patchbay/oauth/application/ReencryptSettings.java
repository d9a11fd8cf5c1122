package io.patchbay.oauth.application;

/** How many sealed values one re-encryption batch reads ({@code patchbay.secrets.reencrypt.batch-size}). */
public record ReencryptSettings(int batchSize) {
    public ReencryptSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
    }
}
