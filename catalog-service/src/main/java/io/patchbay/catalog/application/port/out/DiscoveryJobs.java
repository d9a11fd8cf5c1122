package io.patchbay.catalog.application.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The durable discovery job table. */
public interface DiscoveryJobs {
    /** Queues a discovery of the integration's {@code revision} (at most one queued job per integration). */
    void enqueue(String integrationId, long revision, Instant now);

    /** {@link #enqueue} for many integrations in one statement: integration id → revision. */
    void enqueueAll(Map<String, Long> revisions, Instant now);

    /**
     * Claims the oldest queued job, or a running one whose lease expired (its worker died), with
     * {@code FOR UPDATE SKIP LOCKED}, leasing it to {@code workerId} until {@code leaseUntil}.
     */
    Optional<ClaimedJob> claim(String workerId, Instant now, Instant leaseUntil);

    /** Ends a job the worker still holds; false when its lease was lost. */
    boolean finish(long jobId, String workerId, String state, String outcome, Instant now);

    record ClaimedJob(long id, String integrationId, long revision, int attempts) {
    }
}
