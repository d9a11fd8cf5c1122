package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;

/** What a configuration lifecycle event does to the integrations linked to it (events.md). */
public interface ApplyLifecycleEventUseCase {
    /** @return how many integrations changed */
    int apply(ConfigurationLifecycleEvent event);
}
