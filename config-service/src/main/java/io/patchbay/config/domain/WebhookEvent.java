package io.patchbay.config.domain;

import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;

/** The webhook event types a configuration change is announced with (Vercel's names, and Patchbay's own two). */
public enum WebhookEvent implements WireEnum {
    REMOVED("integration-configuration.removed"),
    TRANSFERRED("integration-configuration.transferred"),
    PERMISSION_UPGRADED("integration-configuration.permission-upgraded"),
    SCOPE_CHANGE_CONFIRMED("integration-configuration.scope-change-confirmed"),
    DISABLED("integration-configuration.disabled"),
    ENABLED("integration-configuration.enabled");

    private final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The webhook event a lifecycle event is announced with. */
    public static WebhookEvent of(ConfigurationLifecycleEvent event) {
        return switch (event) {
            case ConfigurationDeleted d -> REMOVED;
            case ConfigurationTransferred t -> TRANSFERRED;
            case ConfigurationDisabled d -> DISABLED;
            case ConfigurationEnabled e -> ENABLED;
        };
    }
}
