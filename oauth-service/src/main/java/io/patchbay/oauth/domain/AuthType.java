package io.patchbay.oauth.domain;

import java.util.Arrays;
import java.util.Optional;

/** Posit's {@code auth_type}: who the tokens act for. */
public enum AuthType {
    VIEWER("Viewer"), SERVICE_ACCOUNT("Service Account");

    private final String wire;

    AuthType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AuthType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
