package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * The discovery job table: a queued job, or a running one whose lease expired, is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (several workers and several instances never take the same job).
 */
@Singleton
class DiscoveryJobPersistenceAdapter implements DiscoveryJobs {
    private final Sql sql;

    DiscoveryJobPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void enqueue(String integrationId, long revision, Instant now) {
        sql.update("INSERT INTO discovery_job (integration_id, revision, state, attempts, created_at) VALUES (?, ?, 'queued', 0, ?) "
                + "ON CONFLICT (integration_id) WHERE state = 'queued' DO UPDATE SET revision = EXCLUDED.revision", integrationId, revision, now);
    }

    @Override
    public Optional<ClaimedJob> claim(String workerId, Instant now, Instant leaseUntil) {
        return sql.one("UPDATE discovery_job SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1, started_at = ? "
                        + "WHERE id = (SELECT id FROM discovery_job WHERE state = 'queued' OR (state = 'running' AND lease_until < ?) "
                        + "ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, integration_id, revision, attempts",
                r -> new ClaimedJob(r.getLong(1), r.getString(2), r.getLong(3), r.getInt(4)), workerId, leaseUntil, now, now);
    }

    @Override
    public boolean finish(long jobId, String workerId, String state, String outcome, Instant now) {
        return sql.update("UPDATE discovery_job SET state = ?, outcome = ?, finished_at = ?, lease_until = NULL "
                + "WHERE id = ? AND state = 'running' AND lease_owner = ?", state, outcome, now, jobId, workerId) == 1;
    }
}
