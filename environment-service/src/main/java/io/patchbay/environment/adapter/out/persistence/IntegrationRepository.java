package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IntegrationRepository extends CrudRepository<IntegrationRow, UUID> {

    List<IntegrationRow> findByIdIn(Collection<UUID> ids);

    /** Locks the integration until the transaction ends (an install of it waits, and waits on it). */
    Optional<IntegrationRow> findByIdForUpdate(UUID id);

    /**
     * One page, newest first, after the keyset position when given (see {@link EnvironmentRepository#page}). With
     * {@code teamIds} only integrations those teams own or that are shared ({@code sharing <> 'deny'}) are visible.
     */
    @Query("""
            SELECT * FROM integration
            WHERE (CAST(:teamIds AS text[]) IS NULL OR sharing <> 'deny' OR team_id = ANY(:teamIds))
              AND (CAST(:name AS text) IS NULL OR name = :name)
              AND (CAST(:category AS text) IS NULL OR category = :category)
              AND (CAST(:teamId AS text) IS NULL OR team_id = :teamId)
              AND (created_at, id) < (COALESCE(CAST(:afterCreatedAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<IntegrationRow> page(@Nullable String[] teamIds, @Nullable String name, @Nullable String category, @Nullable String teamId,
                              @Nullable Instant afterCreatedAt, @Nullable UUID afterId, int limit);
}
