package io.patchbay.config.domain;

/** Why a configuration is disabled. */
public enum DisableReason {
    DISABLED_BY_OWNER,
    FEATURE_NOT_AVAILABLE,
    DISABLED_BY_ADMIN,
    ORIGINAL_OWNER_LEFT_THE_TEAM,
    ACCOUNT_PLAN_DOWNGRADE,
    ORIGINAL_OWNER_ROLE_DOWNGRADED;

    /**
     * The reason as the lifecycle events name it (shared-kernel's {@code ConfigurationDisabled}/{@code ConfigurationEnabled},
     * which the other services read): the event contract is a language this domain publishes, like the events it returns.
     * The application's one table of names ({@code PublishedNames}) spells a reason this way everywhere.
     */
    public String eventName() {
        return switch (this) {
            case DISABLED_BY_OWNER -> "disabled-by-owner";
            case FEATURE_NOT_AVAILABLE -> "feature-not-available";
            case DISABLED_BY_ADMIN -> "disabled-by-admin";
            case ORIGINAL_OWNER_LEFT_THE_TEAM -> "original-owner-left-the-team";
            case ACCOUNT_PLAN_DOWNGRADE -> "account-plan-downgrade";
            case ORIGINAL_OWNER_ROLE_DOWNGRADED -> "original-owner-role-downgraded";
        };
    }

    /** Membership reasons end only by transfer to a user who may act for the team, never by enable. */
    public boolean isMembershipReason() {
        return this == ORIGINAL_OWNER_LEFT_THE_TEAM || this == ORIGINAL_OWNER_ROLE_DOWNGRADED;
    }
}
