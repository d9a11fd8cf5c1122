package io.patchbay.config.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import io.patchbay.kernel.infra.jdbc.VersionedRow;

import java.time.Instant;

/**
 * A row of {@code webhook_delivery}: {@code seq} orders deliveries (per configuration and target, and the log), {@code id}
 * is the public delivery id; {@code version} fences attempts (a claim bumps it, so an attempt whose lease ran out cannot
 * record its outcome over a newer claim).
 */
@MappedEntity("webhook_delivery")
record DeliveryRow(@Id @GeneratedValue @Nullable Long seq, @MappedProperty("id") String deliveryId, String eventId, String targetKind, String targetId,
                   String configurationId, String eventType, String body, String state, int attempts, @Nullable Integer lastStatus,
                   @Nullable Long lastDurationMs, @Nullable String lastError, Instant nextAttemptAt, Instant retryUntil,
                   @Nullable Instant leaseUntil, Instant createdAt, @Nullable Instant deliveredAt, @Version long version)
        implements VersionedRow {
}
