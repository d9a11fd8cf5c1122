package io.patchbay.catalog.domain;

/** Apono's integration status. */
public enum IntegrationStatus {
    INITIALIZING, REFRESHING, ACTIVE, WARNING, ERROR, DISABLED;

    /** A discovery is queued or running. */
    public boolean isSyncing() {
        return this == INITIALIZING || this == REFRESHING;
    }
}
