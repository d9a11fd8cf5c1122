package io.patchbay.config.adapter.out.messaging;

import io.patchbay.config.application.port.out.LifecycleEventPublisher;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.outbox.OutboxWriter;
import jakarta.inject.Singleton;

import java.util.List;

/** Publishes lifecycle events by writing them to the outbox in the current transaction. */
@Singleton
class LifecycleOutboxPublisher implements LifecycleEventPublisher {
    private final LifecycleEventCodec codec;
    private final OutboxWriter outbox;

    LifecycleOutboxPublisher(LifecycleEventCodec codec, OutboxWriter outbox) {
        this.codec = codec;
        this.outbox = outbox;
    }

    @Override
    public void publish(List<ConfigurationLifecycleEvent> events) {
        outbox.append(events.stream().map(e -> codec.toOutbox(Ids.uuid(), e)).toList());
    }
}
