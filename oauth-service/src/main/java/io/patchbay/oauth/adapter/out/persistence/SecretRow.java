package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** One sealed secret of an integration (oauth_integration_secret): {@code v1:<keyId>:<base64>}, with its key id for re-encryption. */
@MappedEntity("oauth_integration_secret")
record SecretRow(@EmbeddedId Key id, String sealedValue, String keyId, Instant updatedTime, String updatedBy) {

    /** The primary key (integration_id, name). */
    @Embeddable
    record Key(@MappedProperty("integration_id") long integrationId, @MappedProperty("name") String name) {
    }

    /** Never the sealed value: a log line or an assertion message must not carry it. */
    @Override
    public String toString() {
        return "SecretRow[" + id.integrationId() + "/" + id.name() + ", key " + keyId + "]";
    }
}
