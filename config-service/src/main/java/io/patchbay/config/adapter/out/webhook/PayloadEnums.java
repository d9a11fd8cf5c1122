package io.patchbay.config.adapter.out.webhook;

import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.NotificationLevel;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.config.domain.WebhookEvent;

/** How webhook bodies spell the domain's enums: Vercel's values, as its webhook receivers expect them. */
final class PayloadEnums {
    private PayloadEnums() {
    }

    /** The value's spelling in a webhook body; null for null. */
    static String payload(Enum<?> value) {
        return switch (value) {
            case null -> null;
            case DisableReason d -> switch (d) {
                case DISABLED_BY_OWNER -> "disabled-by-owner";
                case FEATURE_NOT_AVAILABLE -> "feature-not-available";
                case DISABLED_BY_ADMIN -> "disabled-by-admin";
                case ORIGINAL_OWNER_LEFT_THE_TEAM -> "original-owner-left-the-team";
                case ACCOUNT_PLAN_DOWNGRADE -> "account-plan-downgrade";
                case ORIGINAL_OWNER_ROLE_DOWNGRADED -> "original-owner-role-downgraded";
            };
            case InstallStatus i -> switch (i) {
                case READY -> "ready";
                case PENDING -> "pending";
                case ONBOARDING -> "onboarding";
                case SUSPENDED -> "suspended";
                case RESUMED -> "resumed";
                case UNINSTALLED -> "uninstalled";
                case ERROR -> "error";
            };
            case InstallationType i -> switch (i) {
                case MARKETPLACE -> "marketplace";
                case EXTERNAL -> "external";
            };
            case NotificationLevel n -> switch (n) {
                case INFO -> "info";
                case WARN -> "warn";
                case ERROR -> "error";
            };
            case ProjectSelection p -> switch (p) {
                case ALL -> "all";
                case SELECTED -> "selected";
            };
            case Source s -> switch (s) {
                case MARKETPLACE -> "marketplace";
                case DEPLOY_BUTTON -> "deploy-button";
                case EXTERNAL -> "external";
                case V0 -> "v0";
                case CLI -> "cli";
                case OAUTH -> "oauth";
                case BACKOFFICE -> "backoffice";
            };
            case WebhookEvent w -> switch (w) {
                case REMOVED -> "integration-configuration.removed";
                case TRANSFERRED -> "integration-configuration.transferred";
                case PERMISSION_UPGRADED -> "integration-configuration.permission-upgraded";
                case SCOPE_CHANGE_CONFIRMED -> "integration-configuration.scope-change-confirmed";
                case DISABLED -> "integration-configuration.disabled";
                case ENABLED -> "integration-configuration.enabled";
            };
            default -> throw new IllegalArgumentException("no name for " + value.getDeclaringClass().getName());
        };
    }
}
