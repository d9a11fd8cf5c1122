package io.patchbay.catalog.domain;

import io.patchbay.kernel.auth.TeamRole;

/** Apono's roles, mapped from the acting team's role (spec: OWNER → Admin, MEMBER → Power User, DEVELOPER → Deployment). */
public enum AponoRole {
    ADMIN, POWER_USER, DEPLOYMENT, VIEWER;

    public static AponoRole of(TeamRole role) {
        return switch (role) {
            case OWNER -> ADMIN;
            case MEMBER -> POWER_USER;
            case DEVELOPER -> DEPLOYMENT;
            case BILLING, VIEWER -> VIEWER;
        };
    }

    public boolean mayManageIntegrations() {
        return this != VIEWER;
    }

    public boolean mayEditUserTags() {
        return this == ADMIN || this == POWER_USER;
    }
}
