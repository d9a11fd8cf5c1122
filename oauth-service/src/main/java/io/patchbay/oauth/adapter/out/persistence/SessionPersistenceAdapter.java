package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.out.LoginStateStore;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.domain.OAuthSession;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** oauth_session and oauth_login_state: sealed values only, in the caller's transaction. */
@Singleton
class SessionPersistenceAdapter implements SessionStore, LoginStateStore {
    private final SessionRepository sessions;
    private final LoginStateRepository logins;

    SessionPersistenceAdapter(SessionRepository sessions, LoginStateRepository logins) {
        this.sessions = sessions;
        this.logins = logins;
    }

    @Override
    public Optional<OAuthSession> find(long integrationId, String userId) {
        return sessions.findByIntegrationIdAndUserId(integrationId, userId).map(SessionPersistenceAdapter::map);
    }

    @Override
    public Optional<OAuthSession> findByGuid(UUID guid) {
        return sessions.findByGuid(guid).map(SessionPersistenceAdapter::map);
    }

    /** Locks the session row alone (SELECT … FOR UPDATE), then reads it with its integration's guid and team. */
    @Override
    public Optional<OAuthSession> lock(long id) {
        return sessions.findByIdForUpdate(id).flatMap(locked -> sessions.findById(id)).map(SessionPersistenceAdapter::map);
    }

    @Override
    public SealedTokens tokens(long id) {
        SessionRow row = sessions.findById(id).orElseThrow();
        return new SealedTokens(row.accessTokenSealed(), row.refreshTokenSealed());
    }

    @Override
    @Transactional
    public OAuthSession save(long integrationId, String userId, SealedTokens tokens, Instant expiresAt, String scope, Instant now) {
        sessions.upsert(UUID.randomUUID(), integrationId, userId, tokens.accessToken(), tokens.refreshToken(), SecretBox.keyIdOf(tokens.accessToken()),
                expiresAt, scope, now);
        return sessions.findByIntegrationIdAndUserId(integrationId, userId).map(SessionPersistenceAdapter::map).orElseThrow();
    }

    @Override
    public void refreshed(long id, String accessToken, String refreshToken, Instant expiresAt, Instant now) {
        sessions.refreshed(id, accessToken, refreshToken, SecretBox.keyIdOf(accessToken), expiresAt, now);
    }

    @Override
    public List<OAuthSession> list(String userId, Collection<String> adminTeams, boolean all) {
        List<SessionRow> rows;
        if (all) {
            rows = sessions.listOrderById();
        } else if (adminTeams.isEmpty()) {
            rows = sessions.findByUserIdOrderById(userId);
        } else {
            rows = sessions.findByUserIdOrIntegrationTeamIdInOrderById(userId, adminTeams);
        }
        return rows.stream().map(SessionPersistenceAdapter::map).toList();
    }

    @Override
    public boolean delete(long id) {
        return sessions.deleteById(id) == 1;
    }

    @Override
    public void save(String stateHash, LoginState s, Instant now) {
        logins.save(new LoginStateRow(stateHash, s.integrationId(), s.userId(), s.codeVerifierSealed(),
                s.redirectUri(), s.expiresAt(), now));
    }

    @Override
    public Optional<LoginState> consume(String stateHash) {
        return logins.deleteReturning(stateHash).stream().findFirst()
                .map(r -> new LoginState(r.integrationId(), r.userId(), r.codeVerifierSealed(), r.redirectUri(), r.expiresAt()));
    }

    @Override
    public int pruneExpired(Instant now) {
        return logins.deleteByExpiresAtLessThan(now);
    }

    private static OAuthSession map(SessionRow r) {
        return new OAuthSession(r.id(), r.guid(), r.integration().id(), r.integration().guid(), r.integration().teamId(), r.userId(),
                r.refreshTokenSealed() != null, r.expiresAt(), r.createdTime(), r.updatedTime());
    }
}
