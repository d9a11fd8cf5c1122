package io.patchbay.catalog.domain;

import java.util.Arrays;
import java.util.Optional;

/** Apono's integration status; the wire value is the constant's name. */
public enum IntegrationStatus {
    Initializing, Refreshing, Active, Warning, Error, Disabled;

    public static Optional<IntegrationStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst();
    }

    /** A discovery is queued or running. */
    public boolean isSyncing() {
        return this == Initializing || this == Refreshing;
    }
}
