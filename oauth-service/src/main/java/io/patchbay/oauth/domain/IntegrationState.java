package io.patchbay.oauth.domain;

/** Our addition to the Posit resource: disabled while the linked configuration is disabled. */
public enum IntegrationState {
    ACTIVE, DISABLED
}
