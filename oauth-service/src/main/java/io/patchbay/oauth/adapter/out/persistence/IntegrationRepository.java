package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IntegrationRepository extends GenericRepository<IntegrationRow, Long> {
    IntegrationRow save(IntegrationRow row);

    /** Optimistically locked on {@code version}: a row changed since it was read is an {@code OptimisticLockException}. */
    IntegrationRow update(IntegrationRow row);

    Optional<IntegrationRow> findById(Long id);

    Optional<IntegrationRow> findByGuid(UUID guid);

    /** Served by oauth_integration_team (team_id, id), in its order. */
    List<IntegrationRow> findByTeamIdOrderById(String teamId);

    List<IntegrationRow> listOrderById();

    /** The integrations linked to any of the configurations, in (configuration id, id) order, locked until the transaction ends. */
    @Query("SELECT * FROM oauth_integration WHERE configuration_id = ANY(:configurationIds) ORDER BY configuration_id, id FOR UPDATE")
    List<IntegrationRow> lockByConfigurationIds(String[] configurationIds);

    List<IntegrationRow> findByTeamIdAndGuidInOrderById(String teamId, Collection<UUID> guids);

    List<IntegrationRow> findByIdIn(Collection<Long> ids);

    int deleteById(Long id);

    /** The lifecycle's deleted: secrets, associations, sessions and pending logins go with the rows (ON DELETE CASCADE). */
    @Query("DELETE FROM oauth_integration WHERE id = ANY(CAST(:ids AS bigint[]))")
    int deleteByIds(String[] ids);

    /**
     * The lifecycle fields of many integrations in one statement, each row only if its version is still the one read (the
     * rows are locked, so a mismatch is a bug): the count of rows written. The arrays are text (cast in SQL); their
     * parameter names are no property's, so Micronaut Data binds them as they are.
     */
    @Query("""
            UPDATE oauth_integration t SET state = u.state, disabled_reason = u.disabled_reason, version = u.version,
                   updated_time = u.updated_time, updated_by = u.updated_by
            FROM unnest(CAST(:ids AS bigint[]), CAST(:readVersions AS bigint[]), CAST(:stateValues AS text[]), CAST(:reasonValues AS text[]),
                        CAST(:newVersions AS bigint[]), CAST(:updatedTimeValues AS timestamptz[]), CAST(:updatedByValues AS text[]))
                 AS u(id, read_version, state, disabled_reason, version, updated_time, updated_by)
            WHERE t.id = u.id AND t.version = u.read_version""")
    int updateLifecycle(String[] ids, String[] readVersions, String[] stateValues, String[] reasonValues, String[] newVersions,
                        String[] updatedTimeValues, String[] updatedByValues);
}
