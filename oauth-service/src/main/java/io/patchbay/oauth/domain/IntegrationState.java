package io.patchbay.oauth.domain;

/** Our addition to the Posit resource: {@code disabled} while the linked configuration is disabled. */
public enum IntegrationState {
    ACTIVE, DISABLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
