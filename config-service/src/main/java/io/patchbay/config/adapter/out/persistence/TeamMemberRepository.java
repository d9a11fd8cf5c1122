package io.patchbay.config.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Team members: derived finders and delete, and an upsert (the identity system's record replaces ours). */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
interface TeamMemberRepository extends GenericRepository<TeamMemberRow, TeamMemberKey> {
    String UPSERT = "INSERT INTO team_member (team_id, user_id, role, updated_at, updated_by) "
            + "VALUES (:teamId, :userId, :role, :updatedAt, :updatedBy) "
            + "ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at, "
            + "updated_by = excluded.updated_by";

    Optional<TeamMemberRow> findById(TeamMemberKey id);

    /** The row locked until the transaction ends (none when the member is new). */
    Optional<TeamMemberRow> findByIdForUpdate(TeamMemberKey id);

    void deleteById(TeamMemberKey id);

    @Query(UPSERT)
    void upsert(String teamId, String userId, String role, Instant updatedAt, String updatedBy);
}
