package io.patchbay.kernel.event;

import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.CausedAuditRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A consumer's batch of lifecycle events applied in memory to the records linked to their configurations, in event
 * order (several events of one configuration end as they would one by one): what a service's {@code LifecycleService}
 * then writes set-based. A deletion removes every record linked to the configuration; any other event takes each record
 * through the service's transition, which returns the same instance when nothing changes. Every change and deletion
 * gets the service's audit entry, caused by its event.
 *
 * @param changed  the records that differ from what was read, each with the record as read
 * @param deleted  the ids of the records deleted
 * @param entries  the audit entries, in event order
 */
public record LifecycleBatch<K, R>(List<Change<R>> changed, Set<K> deleted, List<CausedAuditRecord> entries) {
    /** A record as read ({@code before}) and as the batch leaves it ({@code after}). */
    public record Change<R>(R before, R after) {
    }

    /** The batch's configuration ids, in the order they first appear. */
    public static Set<String> configurations(List<ReceivedLifecycleEvent> events) {
        Set<String> configurations = new LinkedHashSet<>();
        events.forEach(e -> configurations.add(e.configurationId()));
        return configurations;
    }

    /**
     * @param locked         the linked records as read (and locked), in the order changes are to be written
     * @param configurationOf a record's configuration id
     * @param idOf           a record's id
     * @param transition     the record after a (non-deleting) event; the same instance when it does not change
     * @param audit          the entry for a change ({@code before}, {@code after}) or a deletion ({@code after} null)
     */
    public static <K, R> LifecycleBatch<K, R> apply(List<ReceivedLifecycleEvent> events, List<R> locked,
                                                    Function<R, String> configurationOf, Function<R, K> idOf,
                                                    BiFunction<ConfigurationLifecycleEvent, R, R> transition,
                                                    BiFunction<R, R, AuditRecord> audit) {
        Map<String, Map<K, R>> current = new LinkedHashMap<>();
        Map<K, R> read = new LinkedHashMap<>();
        for (R record : locked) {
            current.computeIfAbsent(configurationOf.apply(record), c -> new LinkedHashMap<>()).put(idOf.apply(record), record);
            read.put(idOf.apply(record), record);
        }
        Set<K> deleted = new LinkedHashSet<>();
        List<CausedAuditRecord> entries = new ArrayList<>();
        for (ReceivedLifecycleEvent received : events) {
            Map<K, R> linked = current.get(received.configurationId());
            if (linked == null || linked.isEmpty()) {
                continue;
            }
            if (received.event() instanceof ConfigurationDeleted) {
                for (Map.Entry<K, R> slot : linked.entrySet()) {
                    deleted.add(slot.getKey());
                    entries.add(new CausedAuditRecord(audit.apply(slot.getValue(), null), received.cause()));
                }
                linked.clear();
                continue;
            }
            for (Map.Entry<K, R> slot : linked.entrySet()) {
                R was = slot.getValue();
                R is = transition.apply(received.event(), was);
                if (is != was) {
                    slot.setValue(is);
                    entries.add(new CausedAuditRecord(audit.apply(was, is), received.cause()));
                }
            }
        }
        List<Change<R>> changed = new ArrayList<>();
        for (Map<K, R> linked : current.values()) {
            for (Map.Entry<K, R> slot : linked.entrySet()) {
                R before = read.get(slot.getKey());
                if (slot.getValue() != before) {
                    changed.add(new Change<>(before, slot.getValue()));
                }
            }
        }
        return new LifecycleBatch<>(changed, deleted, entries);
    }
}
