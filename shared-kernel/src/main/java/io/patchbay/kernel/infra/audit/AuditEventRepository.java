package io.patchbay.kernel.infra.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail's rows (appended by {@link JdbcAuditTrail}, one statement per batch), read newest first
 * with the optional filters of {@code GET /audit/events} (a null parameter leaves its filter out; each selective filter
 * has an index in the same order), and deleted oldest first by the retention job.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
public interface AuditEventRepository extends GenericRepository<AuditEventRow, UUID> {
    String PAGE = "SELECT audit_event.* FROM audit_event WHERE"
            + " (CAST(:resourceType AS text) IS NULL OR resource_type = :resourceType)"
            + " AND (CAST(:resourceId AS text) IS NULL OR resource_id = :resourceId)"
            + " AND (CAST(:actorId AS text) IS NULL OR actor_id = :actorId)"
            + " AND (CAST(:action AS text) IS NULL OR action = :action)"
            + " AND (CAST(:teamId AS text) IS NULL OR team_id = :teamId)"
            + " AND (CAST(:since AS timestamptz) IS NULL OR occurred_at >= :since)"
            + " AND (CAST(:until AS timestamptz) IS NULL OR occurred_at <= :until)"
            + " AND (CAST(:afterAt AS timestamptz) IS NULL OR (occurred_at, id) < (:afterAt, CAST(:afterId AS uuid)))"
            + " ORDER BY occurred_at DESC, id DESC LIMIT :limit";

    @Query(PAGE)
    List<AuditEventRow> page(@Nullable String resourceType, @Nullable String resourceId, @Nullable String actorId, @Nullable String action,
                             @Nullable String teamId, @Nullable Instant since, @Nullable Instant until, @Nullable Instant afterAt,
                             @Nullable UUID afterId, int limit);

    @Query("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE occurred_at < :before ORDER BY occurred_at LIMIT :batch)")
    int deleteOldest(Instant before, int batch);
}
