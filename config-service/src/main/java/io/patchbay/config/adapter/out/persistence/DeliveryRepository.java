package io.patchbay.config.adapter.out.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries through derived operations; the worker's claim ({@code FOR UPDATE SKIP LOCKED}, with the
 * earlier-pending-delivery rule) and its look for targets with due work as explicit SQL (README "Persistence").
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
interface DeliveryRepository extends GenericRepository<DeliveryRow, Long> {
    /** Due and not held by an attempt (its lease, if any, ran out). */
    String DUE = "state = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)";

    /**
     * A target's next due deliveries, locked until the transaction ends and skipping those another instance is claiming;
     * a delivery qualifies only if it is the earliest pending one of its configuration and target, so a later one never
     * overtakes it (in flight, or waiting for its retry). The earliest-pending check is a correlated subquery (one probe
     * of {@code webhook_delivery_pair} per candidate) rather than {@code NOT EXISTS}, which PostgreSQL may turn into an
     * anti-join over every pending row: the cost of a claim stays that of the rows it looks at, however many are pending.
     */
    String CLAIM = "SELECT d.* FROM webhook_delivery d WHERE d.target_id = :targetId AND d.state = 'pending'"
            + " AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until <= :now)"
            + " AND d.seq = (SELECT min(e.seq) FROM webhook_delivery e WHERE e.state = 'pending' AND e.target_id = d.target_id"
            + " AND e.configuration_id = d.configuration_id)"
            + " ORDER BY d.next_attempt_at, d.seq LIMIT :max FOR UPDATE OF d SKIP LOCKED";

    /** Targets with due work and how much (the worker starts lanes for them). */
    String DUE_TARGETS = "SELECT target_id, count(*) AS due FROM webhook_delivery WHERE " + DUE
            + " GROUP BY target_id ORDER BY min(next_attempt_at) LIMIT :limit";

    @Query(CLAIM)
    List<DeliveryRow> lockDue(String targetId, Instant now, int max);

    @Query(DUE_TARGETS)
    List<DueTarget> dueTargets(Instant now, int limit);

    Optional<DeliveryRow> findById(Long seq);

    Optional<DeliveryRow> findByTargetIdAndDeliveryId(String targetId, String deliveryId);

    List<DeliveryRow> findByTargetIdOrderBySeqDesc(String targetId, Pageable page);

    List<DeliveryRow> findByTargetIdAndSeqLessThanOrderBySeqDesc(String targetId, Long seq, Pageable page);

    List<DeliveryRow> saveAll(Iterable<DeliveryRow> rows);

    DeliveryRow update(DeliveryRow row);

    List<DeliveryRow> updateAll(Iterable<DeliveryRow> rows);

    void deleteByTargetId(String targetId);

    long countByState(String state);
}
