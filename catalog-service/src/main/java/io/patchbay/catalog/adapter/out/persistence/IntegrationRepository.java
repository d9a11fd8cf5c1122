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

    /** The integrations linked to a configuration, locked in id order (index integration_configuration). */
    List<IntegrationRow> findByConfigurationIdOrderByIdForUpdate(String configurationId);

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
