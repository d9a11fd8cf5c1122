package io.patchbay.config.application.port.out;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;

import java.util.List;

/** Publishes lifecycle events; must be called in the transaction that made the change (transactional outbox). */
public interface LifecycleEventPublisher {
    void publish(List<ConfigurationLifecycleEvent> events);
}
