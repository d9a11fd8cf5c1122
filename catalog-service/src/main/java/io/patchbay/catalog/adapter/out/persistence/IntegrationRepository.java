package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IntegrationRepository extends GenericRepository<IntegrationRow, String> {
    IntegrationRow save(IntegrationRow row);

    IntegrationRow update(IntegrationRow row);

    void deleteById(String id);

    Optional<IntegrationRow> findById(String id);

    /** Row-locked: writers of one integration (API, discovery, lifecycle) take turns. */
    Optional<IntegrationRow> findByIdForUpdate(String id);

    /** The integrations linked to any of the configurations, locked in (configuration id, id) order (index integration_configuration). */
    @Query("SELECT * FROM integration WHERE configuration_id = ANY(:configurationIds) ORDER BY configuration_id, id FOR UPDATE")
    List<IntegrationRow> lockByConfigurationIds(String[] configurationIds);

    /**
     * The lifecycle fields (status, status before disable, updated at and by) of many integrations in one statement. The
     * arrays are text (cast in SQL); their parameter names are no property's, so Micronaut Data binds them as they are.
     */
    @Query("""
            UPDATE integration t SET status = u.status, status_before_disable = u.status_before_disable, updated_at = u.updated_at,
                   updated_by = u.updated_by
            FROM unnest(CAST(:ids AS text[]), CAST(:statusValues AS text[]), CAST(:statusBeforeValues AS text[]),
                        CAST(:updatedAtValues AS timestamptz[]), CAST(:updatedByValues AS text[]))
                 AS u(id, status, status_before_disable, updated_at, updated_by)
            WHERE t.id = u.id""")
    int updateLifecycle(String[] ids, String[] statusValues, String[] statusBeforeValues, String[] updatedAtValues, String[] updatedByValues);

    /** With their resources, permissions and discovery jobs (ON DELETE CASCADE). */
    @Query("DELETE FROM integration WHERE id = ANY(:ids)")
    int deleteByIds(String[] ids);

    Optional<IntegrationRow> findByIdAndTeamId(String id, String teamId);

    /** {@code lower(name) = lower(?)}: the unique index integration_team_name. */
    Optional<IntegrationRow> findByTeamIdAndNameIgnoreCase(String teamId, String name);

    long countByTeamId(String teamId);

    boolean existsByTeamIdAndConnectorId(String teamId, String connectorId);

    /**
     * A v4 page: the team's integrations after the keyset ({@code afterName}, {@code afterId}) in (lower(name), id) order,
     * read along the index integration_team_order. The filters are optional (null pattern, empty array: no filter);
     * {@code namePattern} and {@code typePatterns} are lower-case LIKE patterns.
     */
    @Query("SELECT * FROM integration WHERE team_id = :teamId "
            + "AND (:namePattern::text IS NULL OR lower(name) LIKE :namePattern) "
            + "AND (cardinality(:typePatterns::text[]) = 0 OR lower(type) LIKE ANY (:typePatterns::text[])) "
            + "AND (cardinality(:categories::text[]) = 0 OR lower(category) = ANY (:categories::text[])) "
            + "AND (cardinality(:connectorIds::text[]) = 0 OR connector_id = ANY (:connectorIds::text[])) "
            + "AND (cardinality(:statuses::text[]) = 0 OR status = ANY (:statuses::text[])) "
            + "AND (lower(name), id) > (:afterName, :afterId) "
            + "ORDER BY lower(name), id LIMIT :limit")
    List<IntegrationRow> page(String teamId, @Nullable String namePattern, String[] typePatterns, String[] categories, String[] connectorIds,
                              String[] statuses, String afterName, String afterId, int limit);

    /** A v2 page: any offset, in the v4 order (index integration_team_order). */
    @Query("SELECT * FROM integration WHERE team_id = :teamId ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
    List<IntegrationRow> pageByOffset(String teamId, int limit, int offset);
}
