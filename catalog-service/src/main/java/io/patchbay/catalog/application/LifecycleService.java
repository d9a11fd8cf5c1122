package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.audit.CausedAuditRecord;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.LifecycleBatch;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * events.md for catalog-service: disabled → linked integrations {@code Disabled} (refresh 409); enabled/transferred →
 * the status before (a discovery queued if one was due or it never synced); deleted → deleted with their resources.
 * Runs inside the kernel inbox's transaction, which holds the lock of every configuration of the batch. A batch is applied
 * set-based: one locking read of the integrations of all its configurations, the transitions in memory in event order
 * (several events of one configuration end as they would one by one), then one write of the changed integrations, one
 * enqueue of the discoveries due, one delete and one audit insert in which each entry names the event that caused it.
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
    @Transactional
    public void apply(List<ReceivedLifecycleEvent> events) {
        Instant now = clock.instant();
        Set<String> configurations = LifecycleBatch.configurations(events);
        // per configuration, its integrations (in id order); the transitions change them in place
        Map<String, List<Integration>> linked = new LinkedHashMap<>();
        for (Integration integration : integrations.lockByConfigurations(configurations)) {
            linked.computeIfAbsent(integration.configurationId(), c -> new ArrayList<>()).add(integration);
        }
        if (linked.isEmpty()) {
            return;
        }
        Map<String, Integration> changed = new LinkedHashMap<>();
        Set<String> deleted = new LinkedHashSet<>();
        Map<String, Long> discoveries = new LinkedHashMap<>();
        List<CausedAuditRecord> entries = new ArrayList<>();
        for (ReceivedLifecycleEvent received : events) {
            List<Integration> of = linked.get(received.configurationId());
            if (of == null || of.isEmpty()) {
                continue;
            }
            for (Integration integration : of) {
                Map<String, Object> before = CatalogAudit.fields(integration);
                switch (received.event()) {
                    case ConfigurationDisabled ignored -> {
                        if (integration.disable(now)) {
                            changed.put(integration.id(), integration);
                            entries.add(new CausedAuditRecord(CatalogAudit.integration("disabled", before, integration), received.cause()));
                        }
                    }
                    case ConfigurationEnabled ignored -> restore(integration, now, before, received, changed, discoveries, entries);
                    case ConfigurationTransferred ignored -> restore(integration, now, before, received, changed, discoveries, entries);
                    case ConfigurationDeleted ignored -> {
                        deleted.add(integration.id());
                        changed.remove(integration.id());
                        discoveries.remove(integration.id());
                        entries.add(new CausedAuditRecord(CatalogAudit.integrationDeleted(integration), received.cause()));
                    }
                }
            }
            if (received.event() instanceof ConfigurationDeleted) {
                of.clear();
            }
        }
        integrations.updateLifecycle(changed.values());
        jobs.enqueueAll(discoveries, now);
        integrations.deleteAll(deleted);
        audit.recordCaused(entries);
    }

    /** As one by one: a disabled integration gets its status back (a discovery queued when one is due); others are left alone. */
    private static void restore(Integration integration, Instant now, Map<String, Object> before, ReceivedLifecycleEvent received,
                                Map<String, Integration> changed, Map<String, Long> discoveries, List<CausedAuditRecord> entries) {
        if (integration.status() != IntegrationStatus.DISABLED) {
            return;
        }
        boolean discover = integration.restore(now);
        changed.put(integration.id(), integration);
        entries.add(new CausedAuditRecord(CatalogAudit.integration("enabled", before, integration), received.cause()));
        if (discover) {
            discoveries.put(integration.id(), integration.revision());
        }
    }
}
