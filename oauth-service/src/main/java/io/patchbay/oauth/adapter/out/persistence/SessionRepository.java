package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Join;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finders that return a session for the API join its integration's guid and team ({@link SessionIntegrationRow}). */
@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SessionRepository extends GenericRepository<SessionRow, Long> {
    @Join("integration")
    Optional<SessionRow> findById(Long id);

    @Join("integration")
    Optional<SessionRow> findByGuid(UUID guid);

    @Join("integration")
    Optional<SessionRow> findByIntegrationIdAndUserId(Long integrationId, String userId);

    /** The session row locked until the transaction ends; no join, so the integration's row is not locked with it. */
    Optional<SessionRow> findByIdForUpdate(Long id);

    @Join("integration")
    List<SessionRow> listOrderById();

    @Join("integration")
    List<SessionRow> findByUserIdOrderById(String userId);

    @Join("integration")
    List<SessionRow> findByUserIdOrIntegrationTeamIdInOrderById(String userId, Collection<String> teamIds);

    int deleteById(Long id);

    /** Re-encryption: the next sessions whose tokens are not under {@code keyId}, in id order ({@code page} sets the batch size). */
    List<SessionRow> findByKeyIdNotEqualAndIdGreaterThan(String keyId, Long afterId, Pageable page);

    /** A login creates the user's session with the integration or replaces its tokens (one session per user and integration). */
    @Query("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, refresh_token_sealed, key_id, expires_at, scope, "
            + "created_time, updated_time) VALUES (:guid, :integrationId, :userId, :accessTokenSealed, :refreshTokenSealed, :keyId, :expiresAt, "
            + ":scope, :now, :now) ON CONFLICT (integration_id, user_id) DO UPDATE SET access_token_sealed = excluded.access_token_sealed, "
            + "refresh_token_sealed = excluded.refresh_token_sealed, key_id = excluded.key_id, expires_at = excluded.expires_at, "
            + "scope = excluded.scope, updated_time = excluded.updated_time")
    void upsert(UUID guid, long integrationId, String userId, String accessTokenSealed, @Nullable String refreshTokenSealed, String keyId,
                @Nullable Instant expiresAt, @Nullable String scope, Instant now);

    /** After a refresh: the new tokens, and one more refresh counted. */
    @Query("UPDATE oauth_session SET access_token_sealed = :accessTokenSealed, refresh_token_sealed = :refreshTokenSealed, key_id = :keyId, "
            + "expires_at = :expiresAt, updated_time = :now, refreshed_count = refreshed_count + 1 WHERE id = :id")
    int refreshed(long id, String accessTokenSealed, @Nullable String refreshTokenSealed, String keyId, @Nullable Instant expiresAt, Instant now);

    /** Re-encryption: replaces the tokens only if they are still the ones read (a refresh meanwhile wins). */
    @Query("UPDATE oauth_session SET access_token_sealed = :accessTokenSealed, refresh_token_sealed = :refreshTokenSealed, key_id = :keyId "
            + "WHERE id = :id AND access_token_sealed = :oldAccessToken AND refresh_token_sealed IS NOT DISTINCT FROM :oldRefreshToken")
    int replaceTokens(long id, String oldAccessToken, @Nullable String oldRefreshToken, String accessTokenSealed, @Nullable String refreshTokenSealed,
                      String keyId);
}
