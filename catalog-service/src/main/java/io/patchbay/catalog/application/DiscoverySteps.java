package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.application.port.out.InventoryStore;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditContext;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The transactional steps of a discovery (claim, complete, abandon); the discovery itself runs between them, outside any transaction. */
@Singleton
public class DiscoverySteps {
    private final DiscoveryJobs jobs;
    private final IntegrationStore integrations;
    private final InventoryStore inventory;
    private final AuditTrail audit;

    public DiscoverySteps(DiscoveryJobs jobs, IntegrationStore integrations, InventoryStore inventory, AuditTrail audit) {
        this.jobs = jobs;
        this.integrations = integrations;
        this.inventory = inventory;
        this.audit = audit;
    }

    @Transactional
    public Optional<DiscoveryJobs.ClaimedJob> claim(String workerId, Instant now, Instant leaseUntil) {
        return jobs.claim(workerId, now, leaseUntil);
    }

    @Transactional
    public void finish(DiscoveryJobs.ClaimedJob job, String workerId, String state, String outcome, Instant now) {
        jobs.finish(job.id(), workerId, state, outcome, now);
    }

    /**
     * Applies a discovery of {@code revision}: resources and permissions, missing ones {@code Deleted}, the status. A
     * result for an older revision (the settings changed meanwhile) is dropped: the newer job will apply its own.
     */
    @Transactional
    public void complete(DiscoveryJobs.ClaimedJob job, String workerId, long revision, CatalogType type, DiscoveryResult result, Instant now) {
        Optional<Integration> found = integrations.findForUpdate(job.integrationId());
        if (found.isEmpty()) {
            jobs.finish(job.id(), workerId, "skipped", "integration deleted", now);
            return;
        }
        Integration integration = found.get();
        if (integration.revision() != revision) {
            jobs.finish(job.id(), workerId, "skipped", "superseded by revision " + integration.revision(), now);
            return;
        }
        if (result.error() == null) {
            Set<String> sweep = new HashSet<>(result.completeTypes());
            Set<String> notConnected = new HashSet<>(type.resourceTypeIds());
            notConnected.removeAll(integration.effectiveResourceTypes(type));
            sweep.addAll(notConnected);
            inventory.applyDiscovery(integration.id(), job.id(), result, sweep, now);
        }
        Map<String, Object> before = CatalogAudit.fields(integration);
        integration.syncFinished(result.outcome(), result.details(), now);
        integrations.update(integration);
        // one entry per discovery applied (its resources and permissions are the integration's inventory, not entries of their own)
        AuditContext.asSystem(AuditCause.trigger(CatalogAudit.DISCOVERY),
                () -> audit.record(CatalogAudit.integration("discovered", before, integration)));
        if (!jobs.finish(job.id(), workerId, "done", PublishedNames.NAMES.name(result.outcome()), now)) {
            throw new IllegalStateException("discovery job " + job.id() + " lost its lease to another worker; result dropped");
        }
    }

    /** A job that kept failing (its workers died or timed out): the integration ends in Error. */
    @Transactional
    public void abandon(DiscoveryJobs.ClaimedJob job, String workerId, int maxAttempts, Instant now) {
        integrations.findForUpdate(job.integrationId()).ifPresent(integration -> {
            Map<String, Object> before = CatalogAudit.fields(integration);
            integration.syncFinished(IntegrationStatus.ERROR, "discovery did not complete in " + maxAttempts
                    + " attempts (each worker stopped or ran out of time); refresh to try again", now);
            integrations.update(integration);
            AuditContext.asSystem(AuditCause.trigger(CatalogAudit.DISCOVERY),
                    () -> audit.record(CatalogAudit.integration("discovery_abandoned", before, integration)));
        });
        jobs.finish(job.id(), workerId, "failed", "abandoned after " + maxAttempts + " attempts", now);
    }
}
