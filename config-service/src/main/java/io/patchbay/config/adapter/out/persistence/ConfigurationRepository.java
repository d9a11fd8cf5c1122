package io.patchbay.config.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Configurations by id through derived operations; the chunked {@code FOR UPDATE} keyset loops of the automatic triggers
 * and the keyset-paged list with optional filters as explicit SQL (README "Persistence").
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
interface ConfigurationRepository extends GenericRepository<ConfigurationRow, String> {
    /** The next chunk of a trigger's selection, locked until the transaction ends: keyset on id, never deleted rows. */
    String LOCK = "SELECT configuration.* FROM configuration WHERE deleted_at IS NULL AND ";
    String NEXT_CHUNK = " AND id > :after ORDER BY id LIMIT :chunk FOR UPDATE";

    String LOCK_ACTIVE_OF_TEAM_USER = LOCK + "disabled_at IS NULL AND team_id = :teamId AND user_id = :userId" + NEXT_CHUNK;
    String LOCK_ACTIVE_OF_TEAM_NEEDING_PLAN_ABOVE = LOCK + "disabled_at IS NULL AND team_id = :teamId AND integration_id IN "
            + "(SELECT id FROM app WHERE required_plan_rank > :planRank)" + NEXT_CHUNK;
    String LOCK_DISABLED_OF_TEAM_ALLOWED_BY = LOCK + "disabled_reason = :reason AND team_id = :teamId AND integration_id IN "
            + "(SELECT id FROM app WHERE required_plan_rank <= :planRank)" + NEXT_CHUNK;
    String LOCK_ACTIVE_OF_APP = LOCK + "disabled_at IS NULL AND integration_id = :integrationId" + NEXT_CHUNK;
    String LOCK_DISABLED_OF_APP = LOCK + "disabled_reason = :reason AND integration_id = :integrationId" + NEXT_CHUNK;
    String LOCK_DELETION_REQUESTED_BEFORE = LOCK + "delete_requested_at IS NOT NULL AND delete_requested_at <= :requestedBefore"
            + NEXT_CHUNK;

    /**
     * One owner's live configurations, newest first, with the list's optional filters (a null or false parameter leaves
     * its filter out); the index {@code configuration_owner_page} gives the order and the keyset bound.
     */
    String PAGE = "SELECT configuration.* FROM configuration WHERE deleted_at IS NULL AND owner_id = :ownerId"
            + " AND CASE WHEN :personal THEN team_id IS NULL ELSE team_id = owner_id END"
            + " AND (CAST(:installationType AS text) IS NULL OR installation_type = :installationType)"
            + " AND (CAST(:integration AS text) IS NULL OR integration_id = :integration OR slug = :integration)"
            + " AND (NOT :projectView OR (source <> 'oauth'"
            + " AND NOT (project_selection = 'selected' AND coalesce(cardinality(projects), 0) = 0)))";
    String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC LIMIT :limit";
    String FIRST_PAGE = PAGE + NEWEST_FIRST;
    String PAGE_AFTER = PAGE + " AND (created_at, id) < (:afterCreatedAt, :afterId)" + NEWEST_FIRST;

    Optional<ConfigurationRow> findById(String id);

    ConfigurationRow save(ConfigurationRow row);

    ConfigurationRow update(ConfigurationRow row);

    List<ConfigurationRow> updateAll(Iterable<ConfigurationRow> rows);

    @Query(LOCK_ACTIVE_OF_TEAM_USER)
    List<ConfigurationRow> lockActiveOfTeamUser(String teamId, String userId, String after, int chunk);

    @Query(LOCK_ACTIVE_OF_TEAM_NEEDING_PLAN_ABOVE)
    List<ConfigurationRow> lockActiveOfTeamNeedingPlanAbove(String teamId, short planRank, String after, int chunk);

    @Query(LOCK_DISABLED_OF_TEAM_ALLOWED_BY)
    List<ConfigurationRow> lockDisabledOfTeamAllowedBy(String reason, String teamId, short planRank, String after, int chunk);

    @Query(LOCK_ACTIVE_OF_APP)
    List<ConfigurationRow> lockActiveOfApp(String integrationId, String after, int chunk);

    @Query(LOCK_DISABLED_OF_APP)
    List<ConfigurationRow> lockDisabledOfApp(String reason, String integrationId, String after, int chunk);

    @Query(LOCK_DELETION_REQUESTED_BEFORE)
    List<ConfigurationRow> lockDeletionRequestedBefore(Instant requestedBefore, String after, int chunk);

    @Query(FIRST_PAGE)
    List<ConfigurationRow> firstPage(String ownerId, boolean personal, @Nullable String installationType, @Nullable String integration,
                                     boolean projectView, int limit);

    @Query(PAGE_AFTER)
    List<ConfigurationRow> pageAfter(String ownerId, boolean personal, @Nullable String installationType, @Nullable String integration,
                                     boolean projectView, Instant afterCreatedAt, String afterId, int limit);
}
