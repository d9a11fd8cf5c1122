package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SecretRepository extends GenericRepository<SecretRow, SecretRow.Key> {
    List<SecretRow> findByIdIntegrationId(long integrationId);

    List<SecretRow> findByIdIntegrationIdIn(Collection<Long> integrationIds);

    int deleteByIdIntegrationIdAndIdNameIn(long integrationId, Collection<String> names);

    /** Stores a secret or replaces the stored value of that name. */
    @Query("INSERT INTO oauth_integration_secret (integration_id, name, sealed_value, key_id, updated_time, updated_by) "
            + "VALUES (:integrationId, :name, :sealedValue, :keyId, :updatedTime, :updatedBy) ON CONFLICT (integration_id, name) DO UPDATE SET "
            + "sealed_value = excluded.sealed_value, key_id = excluded.key_id, updated_time = excluded.updated_time, updated_by = excluded.updated_by")
    void upsert(long integrationId, String name, String sealedValue, String keyId, Instant updatedTime, String updatedBy);

    /** Re-encryption: the next secrets not under {@code keyId} after the given key, in primary-key order. */
    @Query("SELECT integration_id, name, sealed_value, key_id, updated_time, updated_by FROM oauth_integration_secret "
            + "WHERE key_id <> :keyId AND (integration_id, name) > (:afterIntegrationId, :afterName) ORDER BY integration_id, name LIMIT :limit")
    List<SecretRow> findNotUnder(String keyId, long afterIntegrationId, String afterName, int limit);

    /** Re-encryption: replaces the value only if it is still {@code sealed} (a secret rotated meanwhile wins). */
    @Query("UPDATE oauth_integration_secret SET sealed_value = :resealed, key_id = :keyId "
            + "WHERE integration_id = :integrationId AND name = :name AND sealed_value = :sealed")
    int replace(long integrationId, String name, String sealed, String resealed, String keyId);
}
