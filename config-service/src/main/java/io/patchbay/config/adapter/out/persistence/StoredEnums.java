package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.DeliveryTarget;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.NotificationLevel;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.config.domain.WebhookEvent;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the database stores the domain's enums: the text in the rows, which must stay what existing rows hold whatever the
 * API calls them. A value read from a row that names no constant is bad data in this service's own database (a migration
 * or a manual change gone wrong), an internal error, never the caller's 400.
 */
final class StoredEnums {
    private StoredEnums() {
    }

    /** The value as a column holds it; null for null. */
    static String stored(Enum<?> value) {
        return switch (value) {
            case null -> null;
            case DeliveryState d -> switch (d) {
                case PENDING -> "pending";
                case DELIVERED -> "delivered";
                case FAILED -> "failed";
            };
            case DeliveryTarget d -> switch (d) {
                case WEBHOOK -> "webhook";
                case APP -> "app";
            };
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
            case Plan p -> switch (p) {
                case HOBBY -> "hobby";
                case PRO -> "pro";
                case ENTERPRISE -> "enterprise";
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

    static <E extends Enum<E>> E parse(Class<E> type, String value, String column) {
        return find(type, value).orElseThrow(() -> new IllegalStateException("column " + column + " holds '" + value
                + "', which is not a " + type.getSimpleName() + " (one of " + allowed(type) + ")"));
    }

    /** The constant of {@code type} named {@code value}, if there is one. */
    static <E extends Enum<E>> Optional<E> find(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e != null && stored(e).equals(value)).findFirst();
    }

    /** The names of {@code type}'s constants, comma separated, in declaration order. */
    static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(StoredEnums::stored).collect(Collectors.joining(", "));
    }
}
