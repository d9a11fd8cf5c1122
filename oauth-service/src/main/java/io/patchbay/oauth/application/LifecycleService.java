package io.patchbay.oauth.application;

import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.audit.CausedAuditRecord;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.LifecycleBatch;
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
import java.util.List;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<OAuthIntegration> locked = store.lockByConfigurations(LifecycleBatch.configurations(events));
        if (locked.isEmpty()) {
            return;
        }
        LifecycleBatch<Long, OAuthIntegration> batch = LifecycleBatch.apply(events, locked,
                OAuthIntegration::configurationId, OAuthIntegration::id,
                (event, was) -> switch (event) {
                    case ConfigurationDisabled d -> was.configurationDisabled(d.reason(), now, ACTOR);
                    case ConfigurationEnabled ignored -> was.configurationActivated(now, ACTOR);
                    case ConfigurationTransferred ignored -> was.configurationActivated(now, ACTOR);
                    case ConfigurationDeleted ignored -> throw new IllegalStateException("a deletion is not a transition");
                },
                (was, is) -> is == null ? OAuthAudit.integration("deleted", was, null, Set.of())
                        : OAuthAudit.integration(is.state() == IntegrationState.DISABLED ? "disabled" : "enabled", was, is, Set.of()));
        List<LifecycleChange> changes = batch.changed().stream()
                .map(c -> new LifecycleChange(c.before().version(), c.after())).toList();
        Set<Long> deleted = batch.deleted();
        List<CausedAuditRecord> entries = batch.entries();
        store.updateLifecycle(changes);
        store.deleteAll(deleted);
        audit.recordCaused(entries);
    }
}
