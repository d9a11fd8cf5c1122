package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.VersionedRow;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code environment}; {@code version} is its optimistic lock (V2). */
@MappedEntity("environment")
record EnvironmentRow(@Id UUID id, String teamId, String name, @Version long version, Instant createdAt, Instant updatedAt,
                      String createdBy, String updatedBy) implements VersionedRow {
}
