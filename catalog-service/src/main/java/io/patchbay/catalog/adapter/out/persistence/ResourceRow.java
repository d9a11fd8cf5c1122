package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code resource}: one discovered resource, {@code seen_job} the last discovery that found it. */
@MappedEntity("resource")
record ResourceRow(@Id String id, String integrationId, String externalKey, String name, String type, String status, @Nullable String message,
                   long seenJob, Instant discoveredAt, Instant updatedAt) {
}
