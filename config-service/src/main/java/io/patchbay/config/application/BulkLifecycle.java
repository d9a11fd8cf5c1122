package io.patchbay.config.application;

import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.LifecycleEventPublisher;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies one lifecycle change to every configuration a trigger selects, chunk by chunk inside the caller's
 * transaction: each chunk is locked, changed through the domain, saved, and its events written to the outbox and its
 * webhook deliveries to their table.
 */
@Singleton
public class BulkLifecycle {
    static final int CHUNK = 500;
    static final String SYSTEM = "system";

    private final ConfigurationStore store;
    private final LifecycleEventPublisher publisher;
    private final WebhookNotifier webhooks;
    private final Clock clock;

    public BulkLifecycle(ConfigurationStore store, LifecycleEventPublisher publisher, WebhookNotifier webhooks, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public int disable(BulkSelection selection, DisableReason reason, String actor) {
        return apply(selection, (c, now) -> c.disable(reason, actor, now));
    }

    public int enable(BulkSelection selection, String actor) {
        return apply(selection, (c, now) -> c.enable(actor, now));
    }

    public int completeDeletion(BulkSelection selection, String actor) {
        return apply(selection, (c, now) -> c.completeDeletion(actor, now));
    }

    private int apply(BulkSelection selection, BiFunction<Configuration, Long, Optional<ConfigurationLifecycleEvent>> change) {
        long now = clock.millis();
        int[] changed = {0};
        store.forEachLockedChunk(selection, CHUNK, chunk -> {
            List<Configuration> dirty = new ArrayList<>(chunk.size());
            List<ConfigurationLifecycleEvent> events = new ArrayList<>(chunk.size());
            for (Configuration c : chunk) {
                change.apply(c, now).ifPresent(e -> {
                    dirty.add(c);
                    events.add(e);
                });
            }
            store.updateAll(dirty);
            publisher.publish(events);
            webhooks.notify(WebhookNotifier.ofLifecycle(dirty, events));
            changed[0] += dirty.size();
        });
        return changed[0];
    }
}
