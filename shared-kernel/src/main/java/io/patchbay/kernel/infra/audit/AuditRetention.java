package io.patchbay.kernel.infra.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The only thing that removes audit entries: those older than {@code patchbay.audit.retention}
 * ({@code PATCHBAY_AUDIT_RETENTION}, 365d), oldest first, {@code patchbay.audit.prune-batch} rows per transaction so a
 * large backlog never holds one long lock, every {@code patchbay.audit.prune-interval} (1h).
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "patchbay.audit.prune.enabled", notEquals = "false")
public class AuditRetention {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditEventRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration retention;
    private final int batch;

    public AuditRetention(AuditEventRepository repository, TransactionOperations<Connection> transactions, Clock clock,
                          @Value("${patchbay.audit.retention:365d}") Duration retention,
                          @Value("${patchbay.audit.prune-batch:5000}") int batch) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("patchbay.audit.retention must be positive, was " + retention);
        }
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
    }

    @Scheduled(fixedDelay = "${patchbay.audit.prune-interval:1h}", initialDelay = "${patchbay.audit.prune-initial-delay:1m}")
    void scheduled() {
        try {
            int removed = pruneOlderThan(clock.instant().minus(retention));
            if (removed > 0) {
                LOG.info("audit retention: removed {} entries older than {}", removed, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("audit retention failed; next try in one interval: {}", e.toString());
        }
    }

    /** Deletes every entry older than {@code cutoff}, batch by batch; the number removed. */
    public int pruneOlderThan(Instant cutoff) {
        int total = 0;
        while (true) {
            int removed = transactions.executeWrite(status -> repository.deleteOldest(cutoff, batch));
            total += removed;
            if (removed < batch) {
                return total;
            }
        }
    }
}
