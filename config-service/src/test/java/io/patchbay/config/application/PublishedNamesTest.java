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
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The values rows hold: pinned, because existing rows must still read whatever the domain or the API call them. */
class PublishedNamesTest {
    @Test
    void theStoredValuesAreTheOnesExistingRowsHold() {
        assertThat(stored(DisableReason.class)).containsExactly("disabled-by-owner", "feature-not-available", "disabled-by-admin",
                "original-owner-left-the-team", "account-plan-downgrade", "original-owner-role-downgraded");
        assertThat(stored(Source.class)).containsExactly("marketplace", "deploy-button", "external", "v0", "cli", "oauth", "backoffice");
        assertThat(stored(InstallStatus.class)).containsExactly("ready", "pending", "onboarding", "suspended", "resumed", "uninstalled", "error");
        assertThat(stored(WebhookEvent.class)).containsExactly("integration-configuration.removed", "integration-configuration.transferred",
                "integration-configuration.permission-upgraded", "integration-configuration.scope-change-confirmed",
                "integration-configuration.disabled", "integration-configuration.enabled");
        assertThat(stored(Plan.class)).containsExactly("hobby", "pro", "enterprise");
        assertThat(stored(ProjectSelection.class)).containsExactly("all", "selected");
        assertThat(stored(InstallationType.class)).containsExactly("marketplace", "external");
        assertThat(stored(NotificationLevel.class)).containsExactly("info", "warn", "error");
        assertThat(stored(DeliveryState.class)).containsExactly("pending", "delivered", "failed");
        assertThat(stored(DeliveryTarget.class)).containsExactly("webhook", "app");
    }

    @Test
    void everyStoredValueReadsBackAndAnUnknownOneIsBadDataNotTheCallersMistake() {
        for (DisableReason r : DisableReason.values()) {
            assertThat(PublishedNames.NAMES.fromStored(DisableReason.class, PublishedNames.NAMES.name(r), "configuration.disabled_reason")).isEqualTo(r);
        }
        assertThatThrownBy(() -> PublishedNames.NAMES.fromStored(Source.class, "carrier-pigeon", "configuration.source"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("configuration.source").hasMessageContaining("carrier-pigeon");
        assertThat(PublishedNames.NAMES.name(null)).isNull();
    }

    private static <E extends Enum<E>> List<String> stored(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(PublishedNames.NAMES::name).toList();
    }
}
