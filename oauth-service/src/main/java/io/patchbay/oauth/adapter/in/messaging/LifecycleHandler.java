package io.patchbay.oauth.adapter.in.messaging;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.infra.inbox.LifecycleEventHandler;
import io.patchbay.oauth.application.port.in.ApplyLifecycleEventUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kernel's lifecycle consumer calls this once per new event, inside the inbox transaction. */
@Singleton
class LifecycleHandler implements LifecycleEventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleHandler.class);
    private final ApplyLifecycleEventUseCase useCase;

    LifecycleHandler(ApplyLifecycleEventUseCase useCase) {
        this.useCase = useCase;
    }

    @Override
    public void apply(ConfigurationLifecycleEvent event) {
        int changed = useCase.apply(event);
        LOG.info("lifecycle {} v{} for {}: {} OAuth integration(s) changed", event.getClass().getSimpleName(), event.version(),
                event.configurationId(), changed);
    }
}
