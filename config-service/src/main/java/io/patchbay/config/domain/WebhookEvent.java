package io.patchbay.config.domain;

import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;

/** The webhook event types a configuration change is announced with (Vercel's names, and Patchbay's own two). */
public enum WebhookEvent {
    REMOVED,
    TRANSFERRED,
    PERMISSION_UPGRADED,
    SCOPE_CHANGE_CONFIRMED,
    DISABLED,
    ENABLED;

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
