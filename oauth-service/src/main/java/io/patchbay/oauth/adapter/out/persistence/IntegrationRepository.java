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

    List<IntegrationRow> findByConfigurationIdOrderById(String configurationId);

    List<IntegrationRow> findByTeamIdAndGuidInOrderById(String teamId, Collection<UUID> guids);

    List<IntegrationRow> findByIdIn(Collection<Long> ids);

    int deleteById(Long id);

    /** The lifecycle's deleted: secrets, associations, sessions and pending logins go with the rows (ON DELETE CASCADE). */
    int deleteByConfigurationId(String configurationId);

    /** The lifecycle's disabled, for every integration linked to the configuration at once; each row's version moves on. */
    @Query("UPDATE oauth_integration SET state = 'disabled', disabled_reason = :reason, version = version + 1, updated_time = :now, "
            + "updated_by = 'lifecycle' WHERE configuration_id = :configurationId")
    int disableLinked(String configurationId, @Nullable String reason, Instant now);

    /** The lifecycle's enabled / transferred: only rows not already active change (and move their version on). */
    @Query("UPDATE oauth_integration SET state = 'active', disabled_reason = NULL, version = version + 1, updated_time = :now, "
            + "updated_by = 'lifecycle' WHERE configuration_id = :configurationId AND state <> 'active'")
    int activateLinked(String configurationId, Instant now);
}
