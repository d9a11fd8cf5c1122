package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConnectorRepository extends GenericRepository<ConnectorRow, ConnectorRow.Pk> {
    Optional<ConnectorRow> findById(ConnectorRow.Pk pk);

    List<ConnectorRow> findByPkTeamIdOrderByPkId(String teamId);

    void deleteById(ConnectorRow.Pk pk);

    /** Registers or renames: one statement, so two concurrent PUTs of one id both succeed (the last name wins). */
    @Query("INSERT INTO connector (team_id, id, name, created_at, updated_at, created_by, updated_by) "
            + "VALUES (:teamId, :id, :name, :now, :now, :by, :by) "
            + "ON CONFLICT (team_id, id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")
    void upsert(String teamId, String id, String name, String by, Instant now);
}
