package io.patchbay.config.domain;

/** Why a configuration is disabled. */
public enum DisableReason implements WireEnum {
    DISABLED_BY_OWNER("disabled-by-owner"),
    FEATURE_NOT_AVAILABLE("feature-not-available"),
    DISABLED_BY_ADMIN("disabled-by-admin"),
    ORIGINAL_OWNER_LEFT_THE_TEAM("original-owner-left-the-team"),
    ACCOUNT_PLAN_DOWNGRADE("account-plan-downgrade"),
    ORIGINAL_OWNER_ROLE_DOWNGRADED("original-owner-role-downgraded");

    private final String wire;

    DisableReason(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Membership reasons end only by transfer to a user who may act for the team, never by enable. */
    public boolean isMembershipReason() {
        return this == ORIGINAL_OWNER_LEFT_THE_TEAM || this == ORIGINAL_OWNER_ROLE_DOWNGRADED;
    }
}
