package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code connector}: a tenant's name for a connector (primary key team_id, id). */
@MappedEntity("connector")
record ConnectorRow(@EmbeddedId Pk pk, String name, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {
    @Embeddable
    record Pk(@MappedProperty("team_id") String teamId, @MappedProperty("id") String id) {
    }
}
