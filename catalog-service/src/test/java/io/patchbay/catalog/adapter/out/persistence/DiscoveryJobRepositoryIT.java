package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.T0;
import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DiscoveryJobRepository}: one queued job per integration, claims under a lease with SKIP LOCKED (a job another
 * transaction holds is passed over, not waited for), finishing only by the lease holder, the claim on its partial index.
 * The table has no unique key a caller could violate (the queued-job index is the upsert's conflict target) and no
 * version column.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryJobRepositoryIT implements TestPropertyProvider {
    private static final Instant LEASE = T0.plusSeconds(60);

    @Inject
    DiscoveryJobRepository jobs;
    @Inject
    IntegrationRepository integrations;
    @Inject
    TransactionOperations<Connection> transactions;

    private QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        String jdbcUrl = TestInfra.get().newDatabase("catalog_repo_job");
        plans = new QueryPlans(jdbcUrl);
        return RepositoryTests.properties(jdbcUrl);
    }

    private String integration(int n) {
        String id = id("int_", n);
        integrations.save(RepositoryTests.integration(id, "team_job", "Job source " + n));
        return id;
    }

    /** Claims everything claimable now, so each test starts from its own jobs. */
    private void drain(Instant now) {
        while (jobs.claim("drain", now, now.plusSeconds(3600)) != null) {
            // claimed: leased far ahead, out of the way
        }
    }

    @Test
    void aSecondEnqueueMovesTheQueuedJobsRevisionAndTheClaimRoundTripsEveryColumn() {
        drain(T0.plusSeconds(100_000));
        String integration = integration(1);
        jobs.enqueue(integration, 1, T0);
        jobs.enqueue(integration, 3, T0.plusSeconds(5));
        DiscoveryJobRow claimed = jobs.claim("worker-a", T0.plusSeconds(10), LEASE);
        assertThat(claimed).isEqualTo(new DiscoveryJobRow(claimed.id(), integration, 3, "running", 1, "worker-a", LEASE, null, T0,
                T0.plusSeconds(10), null));
        assertThat(jobs.claim("worker-b", T0.plusSeconds(10), LEASE)).as("one job, not two").isNull();
        // while it runs, a change queues the next discovery beside it
        jobs.enqueue(integration, 4, T0.plusSeconds(20));
        DiscoveryJobRow next = jobs.claim("worker-b", T0.plusSeconds(21), LEASE);
        assertThat(next.id()).isGreaterThan(claimed.id());
        assertThat(next.revision()).isEqualTo(4);
    }

    @Test
    void aRunningJobIsClaimedAgainOnlyAfterItsLeaseRanOutAndFinishedOnlyByItsHolder() {
        drain(T0.plusSeconds(100_000));
        String integration = integration(2);
        jobs.enqueue(integration, 1, T0);
        DiscoveryJobRow first = jobs.claim("worker-a", T0, LEASE);
        assertThat(jobs.claim("worker-b", LEASE.minusSeconds(1), LEASE.plusSeconds(60))).as("lease still held").isNull();
        DiscoveryJobRow again = jobs.claim("worker-b", LEASE.plusSeconds(1), LEASE.plusSeconds(61));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.leaseOwner()).isEqualTo("worker-b");

        assertThat(jobs.finish(first.id(), "worker-a", "done", "Active", LEASE.plusSeconds(2))).as("the lease moved on").isZero();
        assertThat(jobs.finish(first.id(), "worker-b", "done", "Active", LEASE.plusSeconds(2))).isEqualTo(1);
        assertThat(jobs.finish(first.id(), "worker-b", "done", "Active", LEASE.plusSeconds(3))).as("ended once").isZero();
        assertThat(jobs.claim("worker-c", LEASE.plusSeconds(10_000), LEASE.plusSeconds(10_060))).as("a finished job is not claimed").isNull();
    }

    @Test
    void aJobAnotherTransactionHoldsIsSkippedNotWaitedFor() throws Exception {
        drain(T0.plusSeconds(100_000));
        jobs.enqueue(integration(3), 1, T0);
        jobs.enqueue(integration(4), 1, T0);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<DiscoveryJobRow> held = other.submit(() -> transactions.executeWrite(status -> {
                DiscoveryJobRow row = jobs.claim("worker-a", T0, LEASE);
                claimed.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return row;
            }));
            assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
            // the first claim is not committed and holds its row locked: this one takes the other job at once
            DiscoveryJobRow mine = transactions.executeWrite(status -> jobs.claim("worker-b", T0, LEASE));
            release.countDown();
            DiscoveryJobRow theirs = held.get(60, TimeUnit.SECONDS);
            assertThat(mine).isNotNull();
            assertThat(theirs).isNotNull();
            assertThat(mine.id()).isNotEqualTo(theirs.id());
        } finally {
            release.countDown();
            other.shutdown();
        }
    }

    @Test
    void theClaimReadsThePartialIndexOfOpenJobsInIdOrder() {
        String sql = QueryPlans.sqlOf(() -> jobs.claim("worker-x", T0.plusSeconds(200_000), T0.plusSeconds(200_060)));
        plans.assertServedBy("discovery_job_open", true, sql, "worker-x", LEASE, T0, T0);
    }
}
