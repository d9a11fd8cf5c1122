package io.patchbay.oauth.application.port.out;

import io.patchbay.oauth.domain.OAuthSession;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users' OAuth sessions; tokens go in and come out sealed only. */
public interface SessionStore {
    record SealedTokens(String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "SealedTokens[refresh=" + (refreshToken != null) + "]";
        }
    }

    Optional<OAuthSession> find(long integrationId, String userId);

    Optional<OAuthSession> findByGuid(UUID guid);

    /** The session, its row locked until the transaction ends (one refresh at a time, across instances). */
    Optional<OAuthSession> lock(long id);

    SealedTokens tokens(long id);

    /** Creates or replaces the user's session with the integration (a new login replaces the old tokens). */
    OAuthSession save(long integrationId, String userId, SealedTokens tokens, Instant expiresAt, String scope, Instant now);

    /** After a refresh: the new access token and the refresh token (rotated, or the old one resealed), both under the active key. */
    void refreshed(long id, String accessToken, String refreshToken, Instant expiresAt, Instant now);

    /** The user's sessions, plus every session of the integrations of {@code adminTeams}; every session when {@code all}. */
    List<OAuthSession> list(String userId, Collection<String> adminTeams, boolean all);

    boolean delete(long id);
}
