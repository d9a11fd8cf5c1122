package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Relation;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's OAuth session (oauth_session): both tokens sealed under one key id. {@code integration} is the owning integration's
 * guid and team, filled when a finder joins it ({@code @Join("integration")}); null when it does not.
 */
@MappedEntity("oauth_session")
record SessionRow(@Id @GeneratedValue @Nullable Long id,
                  UUID guid,
                  @Relation(Relation.Kind.MANY_TO_ONE) @MappedProperty("integration_id") @Nullable SessionIntegrationRow integration,
                  String userId,
                  String accessTokenSealed,
                  @Nullable String refreshTokenSealed,
                  String keyId,
                  @Nullable Instant expiresAt,
                  @Nullable String scope,
                  int refreshedCount,
                  Instant createdTime,
                  Instant updatedTime) {

    /** Never the sealed tokens. */
    @Override
    public String toString() {
        return "SessionRow[" + id + ", " + userId + ", key " + keyId + "]";
    }
}
