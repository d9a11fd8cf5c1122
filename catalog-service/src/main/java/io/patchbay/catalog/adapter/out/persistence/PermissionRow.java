package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code permission}: a grantable permission of an integration (primary key integration_id, id). */
@MappedEntity("permission")
record PermissionRow(@EmbeddedId Pk pk, String name, String resourceType) {
    @Embeddable
    record Pk(@MappedProperty("integration_id") String integrationId, @MappedProperty("id") String id) {
    }
}
