package io.patchbay.environment.adapter.in.messaging;

import io.patchbay.environment.application.port.in.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.infra.inbox.LifecycleEventHandler;
import jakarta.inject.Singleton;

/** The kernel's lifecycle consumer hands each new event here, inside the inbox transaction. */
@Singleton
class LifecycleEventListener implements LifecycleEventHandler {
    private final ApplyLifecycleEventUseCase useCase;

    LifecycleEventListener(ApplyLifecycleEventUseCase useCase) {
        this.useCase = useCase;
    }

    @Override
    public void apply(ConfigurationLifecycleEvent event) {
        useCase.apply(event);
    }
}
