package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle rules of an install: approval, configuration disable/restore, the remembered is_enabled. */
class EnvironmentIntegrationTest {
    private static EnvironmentIntegration install(boolean enabled, boolean approved, String disabledReason) {
        return EnvironmentIntegration.install(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), true, enabled, Map.of(), "icfg_x",
                approved, disabledReason, 1L, "u");
    }

    @Test
    void disablingRemembersIsEnabledAndRestoringBringsItBack() {
        EnvironmentIntegration off = install(false, true, null);
        assertThat(off.configurationDisabled("disabled-by-owner", 2, "cs").configurationRestored(3, "cs").enabled()).isFalse();
        EnvironmentIntegration on = install(true, true, null);
        EnvironmentIntegration disabled = on.configurationDisabled("disabled-by-admin", 2, "cs");
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.lifecycle()).isEqualTo(Lifecycle.DISABLED);
        assertThat(disabled.disabledReason()).isEqualTo("disabled-by-admin");
        EnvironmentIntegration restored = disabled.configurationRestored(3, "cs");
        assertThat(restored.enabled()).isTrue();
        assertThat(restored.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(restored.disabledReason()).isNull();
        assertThat(restored.version()).isEqualTo(3);
    }

    @Test
    void enablingWhileDisabledOrPendingIsAConflictButSwitchingOffIsRemembered() {
        EnvironmentIntegration disabled = install(true, true, null).configurationDisabled("disabled-by-owner", 2, "cs");
        assertThatThrownBy(() -> disabled.patch(null, true, null, 3, "u"))
                .isInstanceOf(DomainException.Conflict.class);
        EnvironmentIntegration switchedOff = disabled.patch(null, false, null, 3, "u");
        assertThat(switchedOff.configurationRestored(4, "cs").enabled()).isFalse();

        EnvironmentIntegration pending = install(true, false, null);
        assertThat(pending.lifecycle()).isEqualTo(Lifecycle.PENDING_APPROVAL);
        assertThat(pending.enabled()).isFalse();
        assertThatThrownBy(() -> pending.patch(null, true, null, 3, "u")).isInstanceOf(DomainException.Conflict.class);
        assertThat(pending.approve(3, "owner").enabled()).isTrue();
        assertThatThrownBy(() -> pending.approve(3, "o").approve(4, "o")).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void anInstallLinkedToADisabledConfigurationStartsDisabled() {
        EnvironmentIntegration linked = install(true, true, "disabled-by-owner");
        assertThat(linked.enabled()).isFalse();
        assertThat(linked.lifecycle()).isEqualTo(Lifecycle.DISABLED);
        assertThat(linked.configurationRestored(2, "cs").enabled()).isTrue();
    }
}
