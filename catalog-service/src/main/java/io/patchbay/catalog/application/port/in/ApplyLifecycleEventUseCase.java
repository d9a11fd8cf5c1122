package io.patchbay.catalog.application.port.in;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;

/** Applies a configuration lifecycle event to the integrations linked to it (in the inbox transaction). */
public interface ApplyLifecycleEventUseCase {
    void apply(ConfigurationLifecycleEvent event);
}
