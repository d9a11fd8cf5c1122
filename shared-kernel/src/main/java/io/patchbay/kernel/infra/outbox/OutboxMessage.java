package io.patchbay.kernel.infra.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One record to publish: written in the business transaction, sent to Kafka by the relay. */
public record OutboxMessage(UUID eventId, String topic, String key, Map<String, String> headers, byte[] payload) {
    public OutboxMessage {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(key);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(payload);
    }
}
