package io.patchbay.oauth.application;

import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.oauth.application.port.in.ApplyLifecycleEventUseCase;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final AuditTrail audit;
    private final Clock clock;

    public LifecycleService(IntegrationStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int apply(ConfigurationLifecycleEvent event) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<OAuthIntegration> before = store.listLinked(event.configurationId());
        int changed = switch (event) {
            case ConfigurationDisabled d -> store.disableLinked(d.configurationId(), d.reason(), now);
            case ConfigurationEnabled e -> store.activateLinked(e.configurationId(), now);
            case ConfigurationTransferred t -> store.activateLinked(t.configurationId(), now);
            case ConfigurationDeleted d -> store.deleteLinked(d.configurationId());
        };
        if (changed > 0) {
            audit(before, store.listLinked(event.configurationId()));
        }
        return changed;
    }

    /** One entry per integration the event changed: the system's, caused by the event (the kernel inbox's AuditContext). */
    private void audit(List<OAuthIntegration> before, List<OAuthIntegration> after) {
        Map<Long, OAuthIntegration> now = new HashMap<>();
        after.forEach(i -> now.put(i.id(), i));
        List<AuditRecord> entries = new ArrayList<>();
        for (OAuthIntegration was : before) {
            OAuthIntegration is = now.get(was.id());
            if (is == null) {
                entries.add(OAuthAudit.integration("deleted", was, null, Set.of()));
            } else if (is.version() != was.version()) {
                entries.add(OAuthAudit.integration(is.state() == IntegrationState.DISABLED ? "disabled" : "enabled", was, is, Set.of()));
            }
        }
        audit.recordAll(entries);
    }
}
