package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EnvironmentRepository extends CrudRepository<EnvironmentRow, UUID> {

    /** Locks the environment until the transaction ends (an install of it waits, and waits on it). */
    Optional<EnvironmentRow> findByIdForUpdate(UUID id);

    /** The team of each of the environments (one read for a batch of lifecycle events). */
    @Query("SELECT id, team_id FROM environment WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<EnvironmentTeam> teamsOf(String[] ids);

    @Introspected
    record EnvironmentTeam(UUID id, String teamId) {
    }

    /**
     * One page, newest first, after the keyset position ({@code afterCreatedAt}, {@code afterId}) when given. Null filters
     * match everything; {@code scope} (an environment-scoped token) and {@code teamIds} (the caller's teams) restrict what is
     * visible. The keyset condition is a row comparison the environment_page index serves; without a position it starts
     * above every row ('infinity').
     */
    @Query("""
            SELECT * FROM environment
            WHERE (CAST(:scope AS uuid) IS NULL OR id = :scope)
              AND (CAST(:teamIds AS text[]) IS NULL OR team_id = ANY(:teamIds))
              AND (CAST(:teamId AS text) IS NULL OR team_id = :teamId)
              AND (CAST(:name AS text) IS NULL OR name = :name)
              AND (created_at, id) < (COALESCE(CAST(:afterCreatedAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<EnvironmentRow> page(@Nullable UUID scope, @Nullable String[] teamIds, @Nullable String teamId, @Nullable String name,
                              @Nullable Instant afterCreatedAt, @Nullable UUID afterId, int limit);
}
