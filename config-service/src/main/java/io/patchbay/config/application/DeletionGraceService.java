package io.patchbay.config.application;

import io.patchbay.config.application.port.in.FinalizeExpiredDeletionsUseCase;
import io.patchbay.config.application.port.out.BulkSelection;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;

@Singleton
public class DeletionGraceService implements FinalizeExpiredDeletionsUseCase {
    private final BulkLifecycle bulk;
    private final DeletionGrace grace;
    private final Clock clock;

    public DeletionGraceService(BulkLifecycle bulk, DeletionGrace grace, Clock clock) {
        this.bulk = bulk;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int finalizeExpired() {
        long cutoff = clock.millis() - grace.period().toMillis();
        return bulk.completeDeletion(new BulkSelection.DeletionRequestedBefore(cutoff), BulkLifecycle.SYSTEM, ConfigurationAudit.DELETION_GRACE);
    }
}
