package io.patchbay.config.adapter.in.web;

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
import io.patchbay.kernel.error.Problems;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the HTTP API spells the domain's enums (Vercel's values: {@code disabled-by-owner},
 * {@code integration-configuration.removed} …), both ways: responses through {@link #wire}, requests through
 * {@link #parse}, where an unknown value is the caller's mistake, a 400 naming the field and the values accepted.
 */
final class WireEnums {
    private WireEnums() {
    }

    /** The value's spelling on the wire; null for null. */
    static String wire(Enum<?> value) {
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

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        return find(type, value).orElseThrow(() -> Problems.validation(field, "must be one of " + allowed(type)
                + ", was '" + value + "'"));
    }

    /** Null stays null (the field was not given); anything else is {@link #parse}d. */
    static <E extends Enum<E>> E parseOrNull(Class<E> type, String value, String field) {
        return value == null ? null : parse(type, value, field);
    }

    /** The constant of {@code type} named {@code value}, if there is one. */
    static <E extends Enum<E>> Optional<E> find(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e != null && wire(e).equals(value)).findFirst();
    }

    /** The names of {@code type}'s constants, comma separated, in declaration order. */
    static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnums::wire).collect(Collectors.joining(", "));
    }
}
