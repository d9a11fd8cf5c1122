package io.patchbay.config.application;

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
 * The one table of names for the domain's enums (Vercel's values: {@code disabled-by-owner},
 * {@code integration-configuration.removed} …). The domain's constants carry no spelling; whatever leaves or enters the
 * service spells them here: the HTTP API ({@code adapter/in/web/WireEnums}, which adds the caller's 400), webhook bodies,
 * audit entries and rule texts, and the database's columns ({@code adapter/out/persistence/StoredEnums}, where an unknown
 * value is bad data; {@code StoredEnumsTest} pins every stored value, so a renamed name cannot orphan existing rows). A
 * disable reason is named as the lifecycle events name it ({@link DisableReason#eventName}).
 */
public final class PublishedNames {
    private PublishedNames() {
    }

    /** The value's published name; null for null. */
    public static String name(Enum<?> value) {
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


    /** The constant of {@code type} named {@code value}, if there is one. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e != null && name(e).equals(value)).findFirst();
    }

    /** The names of {@code type}'s constants, comma separated, in declaration order. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(PublishedNames::name).collect(Collectors.joining(", "));
    }
}
