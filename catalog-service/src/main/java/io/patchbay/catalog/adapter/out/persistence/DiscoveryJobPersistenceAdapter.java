package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery job table: a queued job, or a running one whose lease expired, is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (several workers and several instances never take the same job).
 */
@Singleton
class DiscoveryJobPersistenceAdapter implements DiscoveryJobs {
    private final DiscoveryJobRepository jobs;

    DiscoveryJobPersistenceAdapter(DiscoveryJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public void enqueue(String integrationId, long revision, Instant now) {
        jobs.enqueue(integrationId, revision, now);
    }

    @Override
    public void enqueueAll(Map<String, Long> revisions, Instant now) {
        if (!revisions.isEmpty()) {
            jobs.enqueueAll(revisions.keySet().toArray(String[]::new), revisions.values().stream().map(String::valueOf).toArray(String[]::new),
                    now);
        }
    }

    @Override
    public Optional<ClaimedJob> claim(String workerId, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(jobs.claim(workerId, now, leaseUntil))
                .map(row -> new ClaimedJob(row.id(), row.integrationId(), row.revision(), row.attempts()));
    }

    @Override
    public boolean finish(long jobId, String workerId, String state, String outcome, Instant now) {
        return jobs.finish(jobId, workerId, state, outcome, now) == 1;
    }
}
