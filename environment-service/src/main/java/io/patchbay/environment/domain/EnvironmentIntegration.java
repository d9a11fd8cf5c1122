package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;

import java.util.Map;
import java.util.UUID;

/**
 * An integration installed into an environment, with its override of the base config (secret values sealed). Its
 * lifecycle comes from two independent facts: whether the owning team approved it (installs of {@code ask}
 * integrations into another team's environment start unapproved) and whether the linked configuration is disabled.
 * While either holds, {@code is_enabled} is false and the value to restore is remembered.
 */
public record EnvironmentIntegration(UUID id, UUID integrationId, UUID environmentId, boolean showInCatalog, boolean enabled,
                                     Map<String, Object> override, String configurationId, boolean approved,
                                     boolean configurationDisabled, String disabledReason, boolean rememberedEnabled, long version,
                                     long createdAt, long updatedAt, String createdBy, String updatedBy) {

    public EnvironmentIntegration {
        override = override == null ? Map.of() : override;
    }

    /** A new install; {@code approved=false} for an {@code ask} integration installed by another team. */
    public static EnvironmentIntegration install(UUID id, UUID integrationId, UUID environmentId, boolean showInCatalog, boolean enabled,
                                                 Map<String, Object> override, String configurationId, boolean approved,
                                                 String configurationDisabledReason, long now, String by) {
        boolean disabled = configurationDisabledReason != null;
        return new EnvironmentIntegration(id, integrationId, environmentId, showInCatalog, enabled && approved && !disabled, override,
                configurationId, approved, disabled, configurationDisabledReason, enabled, 1, now, now, by, by);
    }

    public Lifecycle lifecycle() {
        if (configurationDisabled) {
            return Lifecycle.DISABLED;
        }
        return approved ? Lifecycle.ACTIVE : Lifecycle.PENDING_APPROVAL;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    /** PATCH: {@code null} arguments keep the current value. Enabling while disabled or pending approval is 409. */
    public EnvironmentIntegration patch(Boolean newShowInCatalog, Boolean newEnabled, Map<String, Object> newOverride, long now, String by) {
        boolean show = newShowInCatalog == null ? showInCatalog : newShowInCatalog;
        boolean isEnabled = enabled;
        boolean remembered = rememberedEnabled;
        if (newEnabled != null) {
            if (lifecycle() == Lifecycle.ACTIVE) {
                isEnabled = newEnabled;
                remembered = newEnabled;
            } else if (newEnabled) {
                throw new DomainException.Conflict(lifecycle() == Lifecycle.DISABLED
                        ? "the linked configuration is disabled (" + disabledReason + "); it cannot be enabled until the configuration is enabled again"
                        : "the install is waiting for the integration's team to approve it; it cannot be enabled before that");
            } else {
                remembered = false;
            }
        }
        return new EnvironmentIntegration(id, integrationId, environmentId, show, isEnabled, newOverride == null ? override : newOverride,
                configurationId, approved, configurationDisabled, disabledReason, remembered, version + 1, createdAt, now, createdBy, by);
    }

    /** The linked configuration was disabled: off, with the reason; the current is_enabled is remembered. */
    public EnvironmentIntegration configurationDisabled(String reason, long now, String by) {
        boolean remembered = lifecycle() == Lifecycle.ACTIVE ? enabled : rememberedEnabled;
        return new EnvironmentIntegration(id, integrationId, environmentId, showInCatalog, false, override, configurationId, approved, true,
                reason, remembered, version + 1, createdAt, now, createdBy, by);
    }

    /** The linked configuration is active again (enabled or transferred): is_enabled is restored unless approval is pending. */
    public EnvironmentIntegration configurationRestored(long now, String by) {
        if (!configurationDisabled) {
            return this;
        }
        return new EnvironmentIntegration(id, integrationId, environmentId, showInCatalog, approved && rememberedEnabled, override,
                configurationId, approved, false, null, rememberedEnabled, version + 1, createdAt, now, createdBy, by);
    }

    /** The owning team approved a pending install. */
    public EnvironmentIntegration approve(long now, String by) {
        requirePendingApproval();
        return new EnvironmentIntegration(id, integrationId, environmentId, showInCatalog, !configurationDisabled && rememberedEnabled,
                override, configurationId, true, configurationDisabled, disabledReason, rememberedEnabled, version + 1, createdAt, now,
                createdBy, by);
    }

    /** 409 unless the install waits for the owning team's decision (approve or reject). */
    public void requirePendingApproval() {
        if (approved) {
            throw new DomainException.Conflict("the install is not waiting for approval");
        }
    }
}
