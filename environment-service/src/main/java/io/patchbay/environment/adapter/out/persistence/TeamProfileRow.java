package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.VersionedRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A row of {@code team_profile}, keyed by the identity system's team id; {@code version} is its optimistic lock (V2). */
@MappedEntity("team_profile")
record TeamProfileRow(@Id String id, @Nullable String name, @Nullable String domain, @Nullable String logo,
                      @MappedProperty("is_verified") boolean verified, @MappedProperty("is_white_label") boolean whiteLabel,
                      @Nullable String tosLink, boolean allowImpersonation, @Version long version, Instant createdAt, Instant updatedAt,
                      String createdBy, String updatedBy) implements VersionedRow {
}
