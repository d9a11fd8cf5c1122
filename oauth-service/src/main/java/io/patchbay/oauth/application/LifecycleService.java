package io.patchbay.oauth.application;

import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.oauth.application.port.in.ApplyLifecycleEventUseCase;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * events.md for oauth-service: disabled → linked integrations {@code disabled} with the reason (their use answers 409);
 * enabled / transferred → {@code active}; deleted → the integrations are deleted with their associations and sessions.
 * Runs inside the kernel inbox's transaction (duplicates and stale versions never get here).
 */
@Singleton
public class LifecycleService implements ApplyLifecycleEventUseCase {
    private final IntegrationStore store;
    private final Clock clock;

    public LifecycleService(IntegrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int apply(ConfigurationLifecycleEvent event) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return switch (event) {
            case ConfigurationDisabled d -> store.disableLinked(d.configurationId(), d.reason(), now);
            case ConfigurationEnabled e -> store.activateLinked(e.configurationId(), now);
            case ConfigurationTransferred t -> store.activateLinked(t.configurationId(), now);
            case ConfigurationDeleted d -> store.deleteLinked(d.configurationId());
        };
    }
}
