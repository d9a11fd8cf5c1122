package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DiscoveryJobRepository extends GenericRepository<DiscoveryJobRow, Long> {
    /** At most one queued job per integration (the partial unique index discovery_job_one_queued): a second one only moves its revision. */
    @Query("INSERT INTO discovery_job (integration_id, revision, state, attempts, created_at) VALUES (:integrationId, :revision, 'queued', 0, :now) "
            + "ON CONFLICT (integration_id) WHERE state = 'queued' DO UPDATE SET revision = EXCLUDED.revision")
    void enqueue(String integrationId, long revision, Instant now);

    /** {@link #enqueue} for many integrations (each at most once in the arrays) in one statement. */
    @Query("INSERT INTO discovery_job (integration_id, revision, state, attempts, created_at) SELECT u.integration_id, u.revision, 'queued', 0, :now "
            + "FROM unnest(CAST(:integrationIds AS text[]), CAST(:revisions AS bigint[])) AS u(integration_id, revision) "
            + "ON CONFLICT (integration_id) WHERE state = 'queued' DO UPDATE SET revision = EXCLUDED.revision")
    void enqueueAll(String[] integrationIds, String[] revisions, Instant now);

    /**
     * The oldest queued job, or a running one whose lease ran out, leased to {@code workerId}: rows another worker holds
     * locked are skipped, so several workers and instances never claim one job (index discovery_job_open).
     */
    @Query("UPDATE discovery_job SET state = 'running', lease_owner = :workerId, lease_until = :leaseUntil, attempts = attempts + 1, "
            + "started_at = :now WHERE id = (SELECT id FROM discovery_job WHERE state = 'queued' OR (state = 'running' AND lease_until < :now) "
            + "ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING *")
    @Nullable
    DiscoveryJobRow claim(String workerId, Instant now, Instant leaseUntil);

    /** Ends a job only while {@code workerId} still holds it; 0 rows when its lease was taken over. */
    @Query("UPDATE discovery_job SET state = :state, outcome = :outcome, finished_at = :now, lease_until = NULL "
            + "WHERE id = :id AND state = 'running' AND lease_owner = :workerId")
    int finish(long id, String workerId, String state, String outcome, Instant now);
}
