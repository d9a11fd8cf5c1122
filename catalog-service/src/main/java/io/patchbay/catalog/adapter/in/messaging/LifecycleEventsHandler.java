package io.patchbay.catalog.adapter.in.messaging;

import io.patchbay.catalog.application.port.in.LifecycleUseCase;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.infra.inbox.LifecycleEventHandler;
import jakarta.inject.Singleton;

/** The kernel's lifecycle consumer hands each new event here (inside the inbox transaction); it only delegates. */
@Singleton
class LifecycleEventsHandler implements LifecycleEventHandler {
    private final LifecycleUseCase lifecycle;

    LifecycleEventsHandler(LifecycleUseCase lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void apply(ConfigurationLifecycleEvent event) {
        lifecycle.apply(event);
    }
}
