package io.patchbay.environment.domain;

import java.util.Locale;

/** The lifecycle of an environment integration (our addition to the Truto resource). */
public enum Lifecycle {
    ACTIVE, DISABLED, PENDING_APPROVAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
