package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A started browser login (oauth_login_state), by the SHA-256 of its state; the PKCE verifier sealed. */
@MappedEntity("oauth_login_state")
record LoginStateRow(@Id String stateHash,
                     long integrationId,
                     String userId,
                     @Nullable String codeVerifierSealed,
                     String redirectUri,
                     Instant expiresAt,
                     Instant createdAt) {

    /** Never the sealed verifier. */
    @Override
    public String toString() {
        return "LoginStateRow[" + integrationId + ", " + userId + ", expires " + expiresAt + "]";
    }
}
