package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code discovery_job}: queued, then leased to one worker ({@code lease_owner} until {@code lease_until}), then ended. */
@MappedEntity("discovery_job")
record DiscoveryJobRow(@Id @GeneratedValue @Nullable Long id, String integrationId, long revision, String state, int attempts,
                       @Nullable String leaseOwner, @Nullable Instant leaseUntil, @Nullable String outcome, Instant createdAt,
                       @Nullable Instant startedAt, @Nullable Instant finishedAt) {
}
