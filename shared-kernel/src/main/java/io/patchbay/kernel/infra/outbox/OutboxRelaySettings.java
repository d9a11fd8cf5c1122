package io.patchbay.kernel.infra.outbox;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The relay's settings: {@code patchbay.outbox.*} (env {@code PATCHBAY_OUTBOX_*}) and the datasource it listens on.
 * {@code max-in-flight-batches}: how many batches the relay has sent and not yet seen acknowledged while it reads and
 * sends the next one (1: strictly one batch after the other).
 */
@Singleton
public record OutboxRelaySettings(
        @Value("${datasources.default.url}") String jdbcUrl,
        @Value("${datasources.default.username:postgres}") String jdbcUser,
        @Value("${datasources.default.password:}") String jdbcPassword,
        @Value("${patchbay.outbox.batch-size:500}") int batchSize,
        @Value("${patchbay.outbox.max-in-flight-batches:4}") int maxInFlightBatches,
        @Value("${patchbay.outbox.poll-interval:1s}") Duration pollInterval,
        @Value("${patchbay.outbox.min-backoff:200ms}") Duration minBackoff,
        @Value("${patchbay.outbox.max-backoff:10s}") Duration maxBackoff,
        @Value("${patchbay.outbox.retention:7d}") Duration retention,
        @Value("${patchbay.outbox.prune-interval:10m}") Duration pruneInterval) {

    public OutboxRelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("patchbay.outbox.batch-size must be at least 1, was " + batchSize);
        }
        if (maxInFlightBatches < 1) {
            throw new IllegalArgumentException("patchbay.outbox.max-in-flight-batches must be at least 1, was " + maxInFlightBatches);
        }
    }
}
