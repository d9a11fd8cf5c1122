package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PermissionRepository extends GenericRepository<PermissionRow, PermissionRow.Pk> {
    long countByPkIntegrationId(String integrationId);

    long countByPkIntegrationIdAndResourceType(String integrationId, String resourceType);

    void deleteByPkIntegrationId(String integrationId);

    /** A v3 page at any offset, optionally of one resource type, in (resource_type, name) order along the index permission_integration_order. */
    @Query("SELECT * FROM permission WHERE integration_id = :integrationId AND (:resourceType::text IS NULL OR resource_type = :resourceType) "
            + "ORDER BY resource_type, name LIMIT :limit OFFSET :offset")
    List<PermissionRow> page(String integrationId, @Nullable String resourceType, int limit, int offset);

    /** Inserts an integration's permissions in one statement (arrays of equal length); an id given twice is kept once. */
    @Query("INSERT INTO permission (integration_id, id, name, resource_type) SELECT :integrationId::text, p.id, p.name, p.resource_type "
            + "FROM unnest(:ids::text[], :names::text[], :resourceTypes::text[]) AS p (id, name, resource_type) ON CONFLICT DO NOTHING")
    void insertAll(String integrationId, String[] ids, String[] names, String[] resourceTypes);
}
