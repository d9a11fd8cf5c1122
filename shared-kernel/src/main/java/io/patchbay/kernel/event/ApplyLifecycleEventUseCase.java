package io.patchbay.kernel.event;

import java.util.List;

/**
 * What a consuming service does with lifecycle events (events.md, "What each consumer does"): update the records it links
 * to the configurations. The kernel's lifecycle consumer calls it with the new events of one Kafka poll at once, in the
 * order of their partitions (never none), inside the inbox transaction, which holds the lock of every configuration they name (the
 * lock a link to a configuration takes too). Duplicates and stale versions never get here. Several events of one
 * configuration may be in one call: the result must be the one of applying them one by one, in order, and each change's
 * audit entry names the event that caused it ({@link ReceivedLifecycleEvent#cause()}). Throwing rolls the whole call back;
 * the consumer then applies the events one per call to find the one that fails.
 */
public interface ApplyLifecycleEventUseCase {
    void apply(List<ReceivedLifecycleEvent> events);
}
