package io.patchbay.config.application;

import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.NotificationLevel;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.config.domain.WebhookEvent;

/**
 * The names the application itself writes for the domain's enums: in audit entries (which must read the same for as
 * long as the trail is kept) and in the text of the rules it reports. The HTTP API, the database and webhook bodies
 * spell them in their adapters. A disable reason is named as the lifecycle events name it
 * ({@link DisableReason#eventName}), so the trail and the events agree.
 */
final class PublishedNames {
    private PublishedNames() {
    }

    /** The value's published name; null for null. */
    static String name(Enum<?> value) {
        return switch (value) {
            case null -> null;
            case DeliveryState d -> switch (d) {
                case PENDING -> "pending";
                case DELIVERED -> "delivered";
                case FAILED -> "failed";
            };
            case DisableReason d -> d.eventName();
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
}
