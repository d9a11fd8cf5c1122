package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EnvironmentIntegrationRepository extends CrudRepository<EnvironmentIntegrationRow, UUID> {
    /** The installs linked to any of the configurations, in (configuration id, id) order, locked until the transaction ends. */
    @Query("SELECT * FROM environment_integration WHERE configuration_id = ANY(:configurationIds) ORDER BY configuration_id, id FOR UPDATE")
    List<EnvironmentIntegrationRow> lockByConfigurationIds(String[] configurationIds);

    /**
     * The lifecycle fields of many installs in one statement, each row only if its version is still the one read (the rows
     * are locked, so a mismatch is a bug): the count of rows written. The arrays are text (cast in SQL); their parameter
     * names are no property's, so Micronaut Data binds them as they are.
     */
    @Query("""
            UPDATE environment_integration t SET is_enabled = u.is_enabled, configuration_disabled = u.configuration_disabled,
                   disabled_reason = u.disabled_reason, remembered_is_enabled = u.remembered_is_enabled, version = u.version,
                   updated_at = u.updated_at, updated_by = u.updated_by
            FROM unnest(CAST(:ids AS uuid[]), CAST(:readVersions AS bigint[]), CAST(:enabledValues AS boolean[]),
                        CAST(:disabledFlags AS boolean[]), CAST(:reasonValues AS text[]), CAST(:rememberedValues AS boolean[]),
                        CAST(:newVersions AS bigint[]), CAST(:updatedAtValues AS timestamptz[]), CAST(:updatedByValues AS text[]))
                 AS u(id, read_version, is_enabled, configuration_disabled, disabled_reason, remembered_is_enabled, version, updated_at,
                      updated_by)
            WHERE t.id = u.id AND t.version = u.read_version""")
    int updateLifecycle(String[] ids, String[] readVersions, String[] enabledValues, String[] disabledFlags, String[] reasonValues,
                        String[] rememberedValues, String[] newVersions, String[] updatedAtValues, String[] updatedByValues);

    @Query("DELETE FROM environment_integration WHERE id = ANY(CAST(:ids AS uuid[]))")
    int deleteByIds(String[] ids);

    /** Where each integration is installed, oldest install first, with the team of each environment: one join for a page. */
    @Query("""
            SELECT ei.integration_id, ei.environment_id, e.team_id
            FROM environment_integration ei JOIN environment e ON e.id = ei.environment_id
            WHERE ei.integration_id IN (:integrationIds)
            ORDER BY ei.created_at, ei.id""")
    List<InstallLocation> installLocations(Collection<UUID> integrationIds);

    boolean existsByEnvironmentId(UUID environmentId);

    boolean existsByIntegrationId(UUID integrationId);

    /**
     * One page, newest first, after the keyset position when given (see {@link EnvironmentRepository#page}). With
     * {@code scope} only that environment's installs are visible, with {@code teamIds} those of the teams' environments and
     * integrations. The integration filters are on the joined integration.
     */
    @Query("""
            SELECT ei.* FROM environment_integration ei
            JOIN environment e ON e.id = ei.environment_id
            JOIN integration i ON i.id = ei.integration_id
            WHERE (CAST(:scope AS uuid) IS NULL OR ei.environment_id = :scope)
              AND (CAST(:teamIds AS text[]) IS NULL OR e.team_id = ANY(:teamIds) OR i.team_id = ANY(:teamIds))
              AND (CAST(:integrationId AS uuid) IS NULL OR ei.integration_id = :integrationId)
              AND (CAST(:environmentId AS uuid) IS NULL OR ei.environment_id = :environmentId)
              AND (CAST(:showInCatalog AS boolean) IS NULL OR ei.show_in_catalog = :showInCatalog)
              AND (CAST(:enabled AS boolean) IS NULL OR ei.is_enabled = :enabled)
              AND (CAST(:integrationName AS text) IS NULL OR i.name = :integrationName)
              AND (CAST(:integrationCategory AS text) IS NULL OR i.category = :integrationCategory)
              AND (ei.created_at, ei.id) < (COALESCE(CAST(:afterCreatedAt AS timestamptz), 'infinity'),
                                            COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY ei.created_at DESC, ei.id DESC
            LIMIT :limit""")
    List<EnvironmentIntegrationRow> page(@Nullable UUID scope, @Nullable String[] teamIds, @Nullable UUID integrationId,
                                         @Nullable UUID environmentId, @Nullable Boolean showInCatalog, @Nullable Boolean enabled,
                                         @Nullable String integrationName, @Nullable String integrationCategory,
                                         @Nullable Instant afterCreatedAt, @Nullable UUID afterId, int limit);

    @Introspected
    record InstallLocation(UUID integrationId, UUID environmentId, String teamId) {
    }
}
