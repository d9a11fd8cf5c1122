package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.ApplyLifecycleEventUseCase;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * What the configuration lifecycle does to linked installs (events.md, "What each consumer does"). Runs in the inbox
 * transaction, which holds the configuration's lock (the kernel's ConfigurationLinks).
 */
@Singleton
public class LifecycleService implements ApplyLifecycleEventUseCase {
    static final String ACTOR = "config-service";

    private final EnvironmentIntegrationStore installs;
    private final EnvironmentStore environments;
    private final AuditTrail audit;
    private final Clock clock;

    public LifecycleService(EnvironmentIntegrationStore installs, EnvironmentStore environments, AuditTrail audit, Clock clock) {
        this.installs = installs;
        this.environments = environments;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void apply(ConfigurationLifecycleEvent event) {
        long now = clock.millis();
        for (EnvironmentIntegration install : installs.lockByConfiguration(event.configurationId())) {
            switch (event) {
                case ConfigurationDisabled d -> update(install, install.configurationDisabled(d.reason(), now, ACTOR));
                case ConfigurationEnabled ignored -> update(install, install.configurationRestored(now, ACTOR));
                case ConfigurationTransferred ignored -> update(install, install.configurationRestored(now, ACTOR));
                case ConfigurationDeleted ignored -> {
                    installs.delete(install.id());
                    audit.record(EnvironmentAudit.install("deleted", teamOf(install), install, null));
                }
            }
        }
    }

    /** The entries are the system's, caused by the event the inbox is applying (the kernel's AuditContext). */
    private void update(EnvironmentIntegration install, EnvironmentIntegration changed) {
        if (changed != install) {
            installs.update(changed);
            audit.record(EnvironmentAudit.install("updated", teamOf(install), install, changed));
        }
    }

    private String teamOf(EnvironmentIntegration install) {
        return environments.find(install.environmentId()).map(Environment::teamId).orElse(null);
    }
}
