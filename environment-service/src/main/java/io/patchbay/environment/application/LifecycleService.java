package io.patchbay.environment.application;

import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore.LifecycleChange;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the configuration lifecycle does to linked installs (events.md, "What each consumer does"). Runs in the inbox
 * transaction, which holds the lock of every configuration of the batch (the kernel's ConfigurationLinks). A batch is
 * applied set-based: one locking read of the installs of all its configurations, the transitions in memory in event order
 * (several events of one configuration end as they would one by one), then one write of the changed installs, one delete
 * and one audit insert in which each entry names the event that caused it.
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
    public void apply(List<ReceivedLifecycleEvent> events) {
        long now = clock.millis();
        List<EnvironmentIntegration> locked = installs.lockByConfigurations(LifecycleBatch.configurations(events));
        if (locked.isEmpty()) {
            return;
        }
        Set<UUID> environmentIds = new LinkedHashSet<>();
        locked.forEach(i -> environmentIds.add(i.environmentId()));
        Map<UUID, String> teams = environments.teamsOf(environmentIds);
        LifecycleBatch<UUID, EnvironmentIntegration> batch = LifecycleBatch.apply(events, locked,
                EnvironmentIntegration::configurationId, EnvironmentIntegration::id,
                (event, install) -> switch (event) {
                    case ConfigurationDisabled d -> install.configurationDisabled(d.reason(), now, ACTOR);
                    case ConfigurationEnabled ignored -> install.configurationRestored(now, ACTOR);
                    case ConfigurationTransferred ignored -> install.configurationRestored(now, ACTOR);
                    case ConfigurationDeleted ignored -> throw new IllegalStateException("a deletion is not a transition");
                },
                (before, after) -> EnvironmentAudit.install(after == null ? "deleted" : "updated",
                        teams.get(before.environmentId()), before, after));
        List<LifecycleChange> changes = batch.changed().stream()
                .map(c -> new LifecycleChange(c.before().version(), c.after())).toList();
        Set<UUID> deleted = batch.deleted();
        List<CausedAuditRecord> entries = batch.entries();
        installs.updateLifecycle(changes);
        installs.deleteAll(deleted);
        audit.recordCaused(entries);
    }
}
