package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.ApplyLifecycleEventUseCase;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** What the configuration lifecycle does to linked installs (events.md, "What each consumer does"). */
@Singleton
public class LifecycleService implements ApplyLifecycleEventUseCase {
    static final String ACTOR = "config-service";

    private final EnvironmentIntegrationStore installs;
    private final Clock clock;

    public LifecycleService(EnvironmentIntegrationStore installs, Clock clock) {
        this.installs = installs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void apply(ConfigurationLifecycleEvent event) {
        long now = clock.millis();
        installs.lockConfiguration(event.configurationId());
        for (EnvironmentIntegration install : installs.lockByConfiguration(event.configurationId())) {
            switch (event) {
                case ConfigurationDisabled d -> installs.update(install.configurationDisabled(d.reason(), now, ACTOR));
                case ConfigurationEnabled ignored -> restore(install, now);
                case ConfigurationTransferred ignored -> restore(install, now);
                case ConfigurationDeleted ignored -> installs.delete(install.id());
            }
        }
    }

    private void restore(EnvironmentIntegration install, long now) {
        EnvironmentIntegration restored = install.configurationRestored(now, ACTOR);
        if (restored != install) {
            installs.update(restored);
        }
    }
}
