package io.patchbay.kernel.auth;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a team. Managers may create, change and delete; the others may read. */
public enum TeamRole {
    OWNER, MEMBER, DEVELOPER, BILLING, VIEWER;

    public boolean isManager() {
        return this == OWNER || this == MEMBER || this == DEVELOPER;
    }

    public static Optional<TeamRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
