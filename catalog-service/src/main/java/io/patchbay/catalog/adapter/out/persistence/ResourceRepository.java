package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ResourceRepository extends GenericRepository<ResourceRow, String> {
    Optional<ResourceRow> findById(String id);

    /** Locks the resource: replacements of its user tags take turns. */
    Optional<ResourceRow> findByIdForUpdate(String id);

    long countByIntegrationId(String integrationId);

    long countByIntegrationIdAndType(String integrationId, String type);

    /** A v3 page at any offset, optionally of one type, in (type, name, id) order along the index resource_integration_order. */
    @Query("SELECT * FROM resource WHERE integration_id = :integrationId AND (:type::text IS NULL OR type = :type) "
            + "ORDER BY type, name, id LIMIT :limit OFFSET :offset")
    List<ResourceRow> page(String integrationId, @Nullable String type, int limit, int offset);

    /**
     * Upserts up to a chunk of discovered resources in one statement (arrays of equal length, each external key once): new
     * ones get the given ids, known ones keep theirs and become Active again, all stamped with {@code jobId}.
     */
    @Query("INSERT INTO resource (id, integration_id, external_key, name, type, status, message, seen_job, discovered_at, updated_at) "
            + "SELECT r.id, :integrationId::text, r.external_key, r.name, r.type, 'Active', NULL, :jobId::bigint, :now::timestamptz, "
            + ":now::timestamptz FROM unnest(:ids::text[], :externalKeys::text[], :names::text[], :types::text[]) AS r (id, external_key, name, type) "
            + "ON CONFLICT (integration_id, external_key) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, status = 'Active', "
            + "message = NULL, seen_job = EXCLUDED.seen_job, updated_at = EXCLUDED.updated_at")
    void upsert(String integrationId, long jobId, Instant now, String[] ids, String[] externalKeys, String[] names, String[] types);

    /** Resources of {@code types} the discovery {@code jobId} did not see are kept, marked Deleted (one set-based update). */
    @Query("UPDATE resource SET status = 'Deleted', message = :message, updated_at = :now WHERE integration_id = :integrationId "
            + "AND type = ANY (:types::text[]) AND seen_job <> :jobId AND status <> 'Deleted'")
    int markMissingDeleted(String integrationId, String[] types, long jobId, String message, Instant now);
}
