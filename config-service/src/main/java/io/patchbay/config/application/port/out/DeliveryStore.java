package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.Delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook deliveries: written with the change that caused them, claimed under a lease by one attempt at a time. */
public interface DeliveryStore {
    /** Must be called in the transaction that made the change. */
    void insertAll(List<Delivery> deliveries);

    /** Targets with deliveries due at {@code now} and not held by an attempt, with how many (at most {@code limit} targets). */
    Map<String, Integer> dueTargets(long now, int limit);

    /**
     * In its own transaction: at most {@code max} due deliveries of {@code targetId}, each the oldest pending one of its
     * configuration for that target (a later one never overtakes it), skipping those another instance is claiming; each is
     * {@link Delivery#claim claimed} until {@code leaseUntil} and saved.
     */
    List<Delivery> claim(String targetId, int max, long now, long leaseUntil);

    /** Saves an attempt's outcome; false when the delivery was claimed again since (the lease ran out), and nothing is saved. */
    boolean save(Delivery delivery);

    /** Saves the outcomes of one claim in one transaction; those claimed again since are left alone. */
    void saveOutcomes(List<Delivery> deliveries);

    Optional<Delivery> find(String targetId, String deliveryId);

    /** A target's deliveries, newest first, before {@code beforeSeq} (null: from the newest); one more than {@code limit} if more remain. */
    List<Delivery> page(String targetId, int limit, Long beforeSeq);

    void deleteByTarget(String targetId);
}
