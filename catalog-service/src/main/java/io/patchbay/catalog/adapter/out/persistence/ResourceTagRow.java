package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code resource_tag}: one user tag of a resource (primary key resource_id, key). */
@MappedEntity("resource_tag")
record ResourceTagRow(@EmbeddedId Pk pk, String value, Instant updatedAt, String updatedBy) {
    @Embeddable
    record Pk(@MappedProperty("resource_id") String resourceId, @MappedProperty("key") String key) {
    }
}
