package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** A content item's association with an integration of the same team (content_association). */
@MappedEntity("content_association")
record AssociationRow(@EmbeddedId Key id, Instant createdTime, String createdBy) {

    /** The primary key (team_id, content_guid, integration_id). */
    @Embeddable
    record Key(@MappedProperty("team_id") String teamId, @MappedProperty("content_guid") UUID contentGuid,
               @MappedProperty("integration_id") long integrationId) {
    }
}
