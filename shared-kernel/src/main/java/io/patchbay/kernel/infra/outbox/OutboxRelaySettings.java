package io.patchbay.kernel.infra.outbox;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The relay's settings: {@code patchbay.outbox.*} (env {@code PATCHBAY_OUTBOX_*}) and the datasource it listens on. */
@Singleton
public record OutboxRelaySettings(
        @Value("${datasources.default.url}") String jdbcUrl,
        @Value("${datasources.default.username:postgres}") String jdbcUser,
        @Value("${datasources.default.password:}") String jdbcPassword,
        @Value("${patchbay.outbox.batch-size:500}") int batchSize,
        @Value("${patchbay.outbox.poll-interval:1s}") Duration pollInterval,
        @Value("${patchbay.outbox.min-backoff:200ms}") Duration minBackoff,
        @Value("${patchbay.outbox.max-backoff:10s}") Duration maxBackoff,
        @Value("${patchbay.outbox.retention:7d}") Duration retention,
        @Value("${patchbay.outbox.prune-interval:10m}") Duration pruneInterval) {
}
