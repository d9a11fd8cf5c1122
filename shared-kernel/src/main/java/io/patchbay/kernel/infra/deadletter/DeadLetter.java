package io.patchbay.kernel.infra.deadletter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A lifecycle record this service dead-lettered, as kept in its {@code dead_letter} table: where it was read, the
 * CloudEvents attributes as far as they could be read, the record itself (key, headers, payload: what a replay decodes),
 * why it failed (secrets scrubbed), how often it was tried, and its last replay.
 */
public record DeadLetter(UUID id, String consumerGroup, String topic, int partition, long offset, UUID eventId, String eventType,
                         String subject, String recordKey, Map<String, String> headers, byte[] payload, String errorClass,
                         String errorMessage, int attempts, Instant deadLetteredAt, boolean inDeadLetterTopic, Instant replayedAt,
                         ReplayOutcome replayOutcome) {

    /** What the last replay of a dead letter did. */
    public enum ReplayOutcome {
        APPLIED, DUPLICATE, STALE, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the consumer knows of a record when it dead-letters it. */
    public record Failure(String consumerGroup, String topic, int partition, long offset, UUID eventId, String eventType,
                          String subject, String recordKey, Map<String, String> headers, byte[] payload, String errorClass,
                          String errorMessage, int attempts) {
    }
}
