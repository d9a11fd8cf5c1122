package io.patchbay.oauth.domain;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamRole;

import java.util.Optional;

/**
 * Posit's role vocabulary, mapped from the caller's role in a team: OWNER → administrator; MEMBER, DEVELOPER → publisher;
 * BILLING, VIEWER → viewer; the platform {@code admin} role → administrator in every team.
 */
public enum PositRole {
    ADMINISTRATOR, PUBLISHER, VIEWER;

    /** The caller's role in {@code teamId}; empty when the caller is not in the team (and not a platform admin). */
    public static Optional<PositRole> of(Caller caller, String teamId) {
        if (caller.isAdmin()) {
            return Optional.of(ADMINISTRATOR);
        }
        return caller.roleIn(teamId).map(PositRole::of);
    }

    public static PositRole of(TeamRole role) {
        return switch (role) {
            case OWNER -> ADMINISTRATOR;
            case MEMBER, DEVELOPER -> PUBLISHER;
            case BILLING, VIEWER -> VIEWER;
        };
    }

    /** Administrators and publishers may use the integrations API; viewers may not. */
    public boolean mayReadIntegrations() {
        return this != VIEWER;
    }

    public boolean isAdministrator() {
        return this == ADMINISTRATOR;
    }
}
