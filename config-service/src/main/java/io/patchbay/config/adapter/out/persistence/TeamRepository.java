package io.patchbay.config.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Teams: derived finders, and an upsert (the identity system's record replaces ours, whoever writes first). */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
interface TeamRepository extends GenericRepository<TeamRow, String> {
    String UPSERT = "INSERT INTO team (id, slug, plan, updated_at, updated_by) VALUES (:id, :slug, :plan, :updatedAt, :updatedBy) "
            + "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, plan = excluded.plan, updated_at = excluded.updated_at, "
            + "updated_by = excluded.updated_by";

    Optional<TeamRow> findById(String id);

    Optional<TeamRow> findBySlug(String slug);

    /** The row locked until the transaction ends (none when the team is new). */
    Optional<TeamRow> findByIdForUpdate(String id);

    @Query(UPSERT)
    void upsert(String id, @Nullable String slug, String plan, Instant updatedAt, String updatedBy);
}
