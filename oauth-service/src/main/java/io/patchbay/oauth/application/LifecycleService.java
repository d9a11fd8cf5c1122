package io.patchbay.oauth.application;

import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.audit.CausedAuditRecord;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.IntegrationStore.LifecycleChange;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * events.md for oauth-service: disabled → linked integrations {@code disabled} with the reason (their use answers 409);
 * enabled / transferred → {@code active}; deleted → the integrations are deleted with their associations and sessions.
 * Runs inside the kernel inbox's transaction (duplicates and stale versions never get here), which holds the lock of every
 * configuration of the batch. A batch is applied set-based: one locking read of the integrations of all its
 * configurations, the transitions in memory in event order (several events of one configuration end as they would one by
 * one), then one write of the changed integrations, one delete and one audit insert in which each entry names the event
 * that caused it.
 */
@Singleton
public class LifecycleService implements ApplyLifecycleEventUseCase {
    static final String ACTOR = "lifecycle";

    private final IntegrationStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public LifecycleService(IntegrationStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void apply(List<ReceivedLifecycleEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Set<String> configurations = new LinkedHashSet<>();
        events.forEach(e -> configurations.add(e.configurationId()));
        List<OAuthIntegration> locked = store.lockByConfigurations(configurations);
        if (locked.isEmpty()) {
            return;
        }
        // per configuration, its integrations as they are after the events applied so far (in id order)
        Map<String, Map<Long, OAuthIntegration>> current = new LinkedHashMap<>();
        Map<Long, OAuthIntegration> read = new LinkedHashMap<>();
        for (OAuthIntegration integration : locked) {
            current.computeIfAbsent(integration.configurationId(), c -> new LinkedHashMap<>()).put(integration.id(), integration);
            read.put(integration.id(), integration);
        }
        Set<Long> deleted = new LinkedHashSet<>();
        List<CausedAuditRecord> entries = new ArrayList<>();
        for (ReceivedLifecycleEvent received : events) {
            Map<Long, OAuthIntegration> linked = current.get(received.configurationId());
            if (linked == null || linked.isEmpty()) {
                continue;
            }
            if (received.event() instanceof ConfigurationDeleted) {
                for (OAuthIntegration integration : linked.values()) {
                    deleted.add(integration.id());
                    entries.add(new CausedAuditRecord(OAuthAudit.integration("deleted", integration, null, Set.of()), received.cause()));
                }
                linked.clear();
                continue;
            }
            for (Map.Entry<Long, OAuthIntegration> slot : linked.entrySet()) {
                OAuthIntegration was = slot.getValue();
                OAuthIntegration is = switch (received.event()) {
                    case ConfigurationDisabled d -> was.configurationDisabled(d.reason(), now, ACTOR);
                    case ConfigurationEnabled ignored -> was.configurationActivated(now, ACTOR);
                    case ConfigurationTransferred ignored -> was.configurationActivated(now, ACTOR);
                    case ConfigurationDeleted ignored -> throw new IllegalStateException("handled above");
                };
                if (is != was) {
                    slot.setValue(is);
                    entries.add(new CausedAuditRecord(OAuthAudit.integration(is.state() == IntegrationState.DISABLED ? "disabled" : "enabled",
                            was, is, Set.of()), received.cause()));
                }
            }
        }
        List<LifecycleChange> changes = new ArrayList<>();
        for (Map<Long, OAuthIntegration> linked : current.values()) {
            for (OAuthIntegration integration : linked.values()) {
                OAuthIntegration before = read.get(integration.id());
                if (integration != before) {
                    changes.add(new LifecycleChange(before.version(), integration));
                }
            }
        }
        store.updateLifecycle(changes);
        store.deleteAll(deleted);
        audit.recordCaused(entries);
    }
}
