package io.patchbay.oauth.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Started browser logins, by the hash of their {@code state}; each is consumed once. */
public interface LoginStateStore {
    record LoginState(long integrationId, String userId, String codeVerifierSealed, String redirectUri, Instant expiresAt) {
        @Override
        public String toString() {
            return "LoginState[" + integrationId + ", " + userId + ", expires " + expiresAt + "]";
        }
    }

    void save(String stateHash, LoginState state, Instant now);

    /** Removes and returns the login (so a replayed state finds nothing). */
    Optional<LoginState> consume(String stateHash);

    int pruneExpired(Instant now);
}
