package io.patchbay.config.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code team}, as the identity system reports it. */
@MappedEntity("team")
record TeamRow(@Id String id, @Nullable String slug, String plan, Instant updatedAt, String updatedBy) {
}
