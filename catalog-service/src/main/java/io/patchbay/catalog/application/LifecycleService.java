package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.ApplyLifecycleEventUseCase;
import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.time.Instant;

/**
 * events.md for catalog-service: disabled → linked integrations {@code Disabled} (refresh 409); enabled/transferred →
 * the status before (a discovery queued if one was due or it never synced); deleted → deleted with their resources.
 * Runs inside the kernel inbox's transaction.
 */
@Singleton
public class LifecycleService implements ApplyLifecycleEventUseCase {
    private final IntegrationStore integrations;
    private final DiscoveryJobs jobs;
    private final AuditTrail audit;
    private final Clock clock;

    public LifecycleService(IntegrationStore integrations, DiscoveryJobs jobs, AuditTrail audit, Clock clock) {
        this.integrations = integrations;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void apply(ConfigurationLifecycleEvent event) {
        Instant now = clock.instant();
        for (Integration integration : integrations.findByConfigurationForUpdate(event.configurationId())) {
            // entries as the system's, caused by the event the inbox is applying (the kernel's AuditContext)
            Map<String, Object> before = CatalogAudit.fields(integration);
            switch (event) {
                case ConfigurationDisabled ignored -> {
                    if (integration.disable(now)) {
                        integrations.update(integration);
                        audit.record(CatalogAudit.integration("disabled", before, integration));
                    }
                }
                case ConfigurationEnabled ignored -> restore(integration, now, before);
                case ConfigurationTransferred ignored -> restore(integration, now, before);
                case ConfigurationDeleted ignored -> {
                    integrations.delete(integration.id());
                    audit.record(CatalogAudit.integrationDeleted(integration));
                }
            }
        }
    }

    private void restore(Integration integration, Instant now, Map<String, Object> before) {
        if (integration.status() != IntegrationStatus.Disabled) {
            return;
        }
        boolean discover = integration.restore(now);
        integrations.update(integration);
        audit.record(CatalogAudit.integration("enabled", before, integration));
        if (discover) {
            jobs.enqueue(integration.id(), integration.revision(), now);
        }
    }
}
