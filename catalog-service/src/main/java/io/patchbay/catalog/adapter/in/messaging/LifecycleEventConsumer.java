package io.patchbay.catalog.adapter.in.messaging;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.infra.inbox.LifecycleEventHandler;
import io.patchbay.catalog.application.port.in.ApplyLifecycleEventUseCase;
import jakarta.inject.Singleton;

/**
 * The kernel's lifecycle consumer hands each new event here, inside the inbox transaction (which holds the
 * configuration's lock); it only delegates to the use case.
 */
@Singleton
class LifecycleEventConsumer implements LifecycleEventHandler {
    private final ApplyLifecycleEventUseCase useCase;

    LifecycleEventConsumer(ApplyLifecycleEventUseCase useCase) {
        this.useCase = useCase;
    }

    @Override
    public void apply(ConfigurationLifecycleEvent event) {
        useCase.apply(event);
    }
}
