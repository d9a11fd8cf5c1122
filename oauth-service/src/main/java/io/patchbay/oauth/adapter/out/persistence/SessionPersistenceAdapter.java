package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.out.LoginStateStore;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.domain.OAuthSession;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** oauth_session and oauth_login_state: sealed values only, explicit SQL in the caller's transaction. */
@Singleton
class SessionPersistenceAdapter implements SessionStore, LoginStateStore {
    private static final String SELECT = "SELECT s.id, s.guid, s.integration_id, i.guid AS integration_guid, i.team_id, s.user_id, "
            + "s.refresh_token_sealed IS NOT NULL AS has_refresh, s.expires_at, s.created_time, s.updated_time "
            + "FROM oauth_session s JOIN oauth_integration i ON i.id = s.integration_id ";

    private final Sql sql;

    SessionPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<OAuthSession> find(long integrationId, String userId) {
        return sql.one(SELECT + "WHERE s.integration_id = ? AND s.user_id = ?", this::map, integrationId, userId);
    }

    @Override
    public Optional<OAuthSession> findByGuid(UUID guid) {
        return sql.one(SELECT + "WHERE s.guid = ?", this::map, guid);
    }

    @Override
    public Optional<OAuthSession> lock(long id) {
        return sql.one(SELECT + "WHERE s.id = ? FOR UPDATE OF s", this::map, id);
    }

    @Override
    public SealedTokens tokens(long id) {
        return sql.one("SELECT access_token_sealed, refresh_token_sealed FROM oauth_session WHERE id = ?",
                r -> new SealedTokens(r.getString(1), r.getString(2)), id).orElseThrow();
    }

    @Override
    public OAuthSession save(long integrationId, String userId, SealedTokens tokens, Instant expiresAt, String scope, Instant now) {
        return sql.inTransaction(() -> {
            long id = sql.one("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, refresh_token_sealed, key_id, expires_at, "
                        + "scope, created_time, updated_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (integration_id, user_id) DO UPDATE SET "
                        + "access_token_sealed = excluded.access_token_sealed, refresh_token_sealed = excluded.refresh_token_sealed, "
                        + "key_id = excluded.key_id, expires_at = excluded.expires_at, scope = excluded.scope, updated_time = excluded.updated_time "
                        + "RETURNING id", r -> r.getLong(1),
                UUID.randomUUID(), integrationId, userId, tokens.accessToken(), tokens.refreshToken(), SecretBox.keyIdOf(tokens.accessToken()),
                ts(expiresAt), scope, ts(now), ts(now)).orElseThrow();
            return sql.one(SELECT + "WHERE s.id = ?", this::map, id).orElseThrow();
        });
    }

    @Override
    public void refreshed(long id, String accessToken, String refreshToken, Instant expiresAt, Instant now) {
        sql.inTransaction(() -> sql.update("UPDATE oauth_session SET access_token_sealed = ?, refresh_token_sealed = ?, "
                        + "key_id = ?, expires_at = ?, updated_time = ?, refreshed_count = refreshed_count + 1 WHERE id = ?",
                accessToken, refreshToken, SecretBox.keyIdOf(accessToken), ts(expiresAt), ts(now), id));
    }

    @Override
    public List<OAuthSession> list(String userId, Collection<String> adminTeams, boolean all) {
        if (all) {
            return sql.list(SELECT + "ORDER BY s.id", this::map);
        }
        return sql.list(SELECT + "WHERE s.user_id = ? OR i.team_id = ANY (?) ORDER BY s.id", this::map, userId, List.copyOf(adminTeams));
    }

    @Override
    public boolean delete(long id) {
        return sql.inTransaction(() -> sql.update("DELETE FROM oauth_session WHERE id = ?", id)) == 1;
    }

    @Override
    public void save(String stateHash, LoginState s, Instant now) {
        sql.inTransaction(() -> sql.update("INSERT INTO oauth_login_state (state_hash, integration_id, user_id, code_verifier_sealed, redirect_uri, "
                        + "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", stateHash, s.integrationId(), s.userId(), s.codeVerifierSealed(),
                s.redirectUri(), ts(s.expiresAt()), ts(now)));
    }

    @Override
    public Optional<LoginState> consume(String stateHash) {
        return sql.inTransaction(() -> sql.one("DELETE FROM oauth_login_state WHERE state_hash = ? "
                        + "RETURNING integration_id, user_id, code_verifier_sealed, redirect_uri, expires_at",
                r -> new LoginState(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getTimestamp(5).toInstant()), stateHash));
    }

    @Override
    public int pruneExpired(Instant now) {
        return sql.inTransaction(() -> sql.update("DELETE FROM oauth_login_state WHERE expires_at < ?", ts(now)));
    }

    private OAuthSession map(ResultSet r) throws SQLException {
        Timestamp expires = r.getTimestamp("expires_at");
        return new OAuthSession(r.getLong("id"), r.getObject("guid", UUID.class), r.getLong("integration_id"), r.getObject("integration_guid", UUID.class),
                r.getString("team_id"), r.getString("user_id"), r.getBoolean("has_refresh"), expires == null ? null : expires.toInstant(),
                r.getTimestamp("created_time").toInstant(), r.getTimestamp("updated_time").toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
