package io.patchbay.config.application;

import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.LifecycleEventPublisher;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditContext;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies one lifecycle change to every configuration a trigger selects, chunk by chunk inside the caller's
 * transaction: each chunk is locked, changed through the domain, saved, and its events written to the outbox and its
 * webhook deliveries to their table, audit entries (one per configuration, the system's, caused by {@code trigger}) to the
 * audit trail, one batch each.
 */
@Singleton
public class BulkLifecycle {
    static final int CHUNK = 500;
    static final String SYSTEM = "system";

    private final ConfigurationStore store;
    private final LifecycleEventPublisher publisher;
    private final WebhookNotifier webhooks;
    private final AuditTrail audit;
    private final Clock clock;

    public BulkLifecycle(ConfigurationStore store, LifecycleEventPublisher publisher, WebhookNotifier webhooks, AuditTrail audit,
                         Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    public int disable(BulkSelection selection, DisableReason reason, String actor, String trigger) {
        return apply(selection, trigger, "disabled", (c, now) -> c.disable(reason, actor, now));
    }

    public int enable(BulkSelection selection, String actor, String trigger) {
        return apply(selection, trigger, "enabled", (c, now) -> c.enable(actor, now));
    }

    public int completeDeletion(BulkSelection selection, String actor, String trigger) {
        return apply(selection, trigger, "deleted", (c, now) -> c.completeDeletion(actor, now));
    }

    private int apply(BulkSelection selection, String trigger, String verb,
                      BiFunction<Configuration, Long, Optional<ConfigurationLifecycleEvent>> change) {
        long now = clock.millis();
        int[] changed = {0};
        AuditContext.asSystem(AuditCause.trigger(trigger), () -> store.forEachLockedChunk(selection, CHUNK, chunk -> {
            List<Configuration> dirty = new ArrayList<>(chunk.size());
            List<ConfigurationLifecycleEvent> events = new ArrayList<>(chunk.size());
            List<AuditRecord> entries = new ArrayList<>(chunk.size());
            for (Configuration c : chunk) {
                Map<String, Object> before = ConfigurationAudit.fields(c);
                change.apply(c, now).ifPresent(e -> {
                    dirty.add(c);
                    events.add(e);
                    entries.add(ConfigurationAudit.configuration(verb, before, c));
                });
            }
            store.updateAll(dirty);
            publisher.publish(events);
            webhooks.notify(WebhookNotifier.ofLifecycle(dirty, events));
            audit.recordAll(entries);
            changed[0] += dirty.size();
        }));
        return changed[0];
    }
}
