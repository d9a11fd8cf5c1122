package io.patchbay.config.adapter.in.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.patchbay.config.application.port.in.FinalizeExpiredDeletionsUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Completes marketplace deletions whose grace period ran out. */
@Singleton
@Requires(property = "patchbay.deletion.job.enabled", notEquals = "false")
class DeletionGraceJob {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionGraceJob.class);

    private final FinalizeExpiredDeletionsUseCase finalizer;

    DeletionGraceJob(FinalizeExpiredDeletionsUseCase finalizer) {
        this.finalizer = finalizer;
    }

    @Scheduled(fixedDelay = "${patchbay.deletion.check-interval:1m}", initialDelay = "10s")
    void run() {
        try {
            int deleted = finalizer.finalizeExpired();
            if (deleted > 0) {
                LOG.info("completed {} marketplace deletions after their grace period", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("completing expired deletions failed; will retry", e);
        }
    }
}
