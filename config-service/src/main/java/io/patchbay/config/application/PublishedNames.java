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
import io.patchbay.kernel.naming.EnumNames;

/**
 * The one table of names for the domain's enums (Vercel's values: {@code disabled-by-owner},
 * {@code integration-configuration.removed} …). The domain's constants carry no spelling; whatever leaves or enters the
 * service spells them here: the HTTP API (an unknown request value is the caller's 400), webhook bodies, audit entries
 * and rule texts, and the database's columns (an unknown stored value is bad data; {@code PublishedNamesTest} pins every
 * stored value, so a renamed name cannot orphan existing rows). A disable reason is named as the lifecycle events name
 * it ({@link DisableReason#eventName}). The reading back is the kernel's {@link EnumNames}.
 */
public final class PublishedNames {
    /** Names the domain's enums and reads names back: from a request ({@code fromRequest}) or stored ({@code fromStored}). */
    public static final EnumNames NAMES = EnumNames.builder()
            .add(DeliveryState.class, d -> switch (d) {
                case PENDING -> "pending";
                case DELIVERED -> "delivered";
                case FAILED -> "failed";
            })
            .add(DeliveryTarget.class, d -> switch (d) {
                case WEBHOOK -> "webhook";
                case APP -> "app";
            })
            .add(DisableReason.class, DisableReason::eventName)
            .add(InstallStatus.class, i -> switch (i) {
                case READY -> "ready";
                case PENDING -> "pending";
                case ONBOARDING -> "onboarding";
                case SUSPENDED -> "suspended";
                case RESUMED -> "resumed";
                case UNINSTALLED -> "uninstalled";
                case ERROR -> "error";
            })
            .add(InstallationType.class, i -> switch (i) {
                case MARKETPLACE -> "marketplace";
                case EXTERNAL -> "external";
            })
            .add(NotificationLevel.class, n -> switch (n) {
                case INFO -> "info";
                case WARN -> "warn";
                case ERROR -> "error";
            })
            .add(Plan.class, p -> switch (p) {
                case HOBBY -> "hobby";
                case PRO -> "pro";
                case ENTERPRISE -> "enterprise";
            })
            .add(ProjectSelection.class, p -> switch (p) {
                case ALL -> "all";
                case SELECTED -> "selected";
            })
            .add(Source.class, s -> switch (s) {
                case MARKETPLACE -> "marketplace";
                case DEPLOY_BUTTON -> "deploy-button";
                case EXTERNAL -> "external";
                case V0 -> "v0";
                case CLI -> "cli";
                case OAUTH -> "oauth";
                case BACKOFFICE -> "backoffice";
            })
            .add(WebhookEvent.class, w -> switch (w) {
                case REMOVED -> "integration-configuration.removed";
                case TRANSFERRED -> "integration-configuration.transferred";
                case PERMISSION_UPGRADED -> "integration-configuration.permission-upgraded";
                case SCOPE_CHANGE_CONFIRMED -> "integration-configuration.scope-change-confirmed";
                case DISABLED -> "integration-configuration.disabled";
                case ENABLED -> "integration-configuration.enabled";
            })
            .build();

    private PublishedNames() {
    }
}
