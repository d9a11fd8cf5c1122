package io.patchbay.environment.application.port.in;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;

/** Applies a configuration lifecycle event to the installs linked to that configuration. */
public interface ApplyLifecycleEventUseCase {
    void apply(ConfigurationLifecycleEvent event);
}
