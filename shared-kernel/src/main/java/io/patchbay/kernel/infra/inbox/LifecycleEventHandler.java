package io.patchbay.kernel.infra.inbox;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;

/**
 * What a consuming service does with a lifecycle event: update the records it links to the configuration. Called in
 * the inbox transaction, once per event, never for duplicates or stale versions. Throwing rolls everything back and
 * the event is retried (then dead-lettered).
 */
@FunctionalInterface
public interface LifecycleEventHandler {
    void apply(ConfigurationLifecycleEvent event);
}
