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
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        if (events.isEmpty()) {
            return;
        }
        long now = clock.millis();
        Set<String> configurations = new LinkedHashSet<>();
        events.forEach(e -> configurations.add(e.configurationId()));
        List<EnvironmentIntegration> locked = installs.lockByConfigurations(configurations);
        if (locked.isEmpty()) {
            return;
        }
        Set<UUID> environmentIds = new LinkedHashSet<>();
        locked.forEach(i -> environmentIds.add(i.environmentId()));
        Map<UUID, String> teams = environments.teamsOf(environmentIds);
        // per configuration, its installs as they are after the events applied so far (in id order)
        Map<String, Map<UUID, EnvironmentIntegration>> current = new LinkedHashMap<>();
        Map<UUID, EnvironmentIntegration> read = new LinkedHashMap<>();
        for (EnvironmentIntegration install : locked) {
            current.computeIfAbsent(install.configurationId(), c -> new LinkedHashMap<>()).put(install.id(), install);
            read.put(install.id(), install);
        }
        Set<UUID> deleted = new LinkedHashSet<>();
        List<CausedAuditRecord> entries = new ArrayList<>();
        for (ReceivedLifecycleEvent received : events) {
            Map<UUID, EnvironmentIntegration> linked = current.get(received.configurationId());
            if (linked == null || linked.isEmpty()) {
                continue;
            }
            if (received.event() instanceof ConfigurationDeleted) {
                for (EnvironmentIntegration install : linked.values()) {
                    deleted.add(install.id());
                    entries.add(new CausedAuditRecord(EnvironmentAudit.install("deleted", teams.get(install.environmentId()), install, null),
                            received.cause()));
                }
                linked.clear();
                continue;
            }
            for (Map.Entry<UUID, EnvironmentIntegration> slot : linked.entrySet()) {
                EnvironmentIntegration install = slot.getValue();
                EnvironmentIntegration changed = switch (received.event()) {
                    case ConfigurationDisabled d -> install.configurationDisabled(d.reason(), now, ACTOR);
                    case ConfigurationEnabled ignored -> install.configurationRestored(now, ACTOR);
                    case ConfigurationTransferred ignored -> install.configurationRestored(now, ACTOR);
                    case ConfigurationDeleted ignored -> throw new IllegalStateException("handled above");
                };
                if (changed != install) {
                    slot.setValue(changed);
                    entries.add(new CausedAuditRecord(EnvironmentAudit.install("updated", teams.get(install.environmentId()), install, changed),
                            received.cause()));
                }
            }
        }
        List<LifecycleChange> changes = new ArrayList<>();
        for (Map<UUID, EnvironmentIntegration> linked : current.values()) {
            for (EnvironmentIntegration install : linked.values()) {
                EnvironmentIntegration before = read.get(install.id());
                if (install != before) {
                    changes.add(new LifecycleChange(before.version(), install));
                }
            }
        }
        installs.updateLifecycle(changes);
        installs.deleteAll(deleted);
        audit.recordCaused(entries);
    }
}
