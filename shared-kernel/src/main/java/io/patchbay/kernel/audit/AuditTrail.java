package io.patchbay.kernel.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of a service (operations.md "Audit trail"): one entry per state change, written in the caller's
 * transaction, so a change that rolls back leaves none. Who acted, why and the request id are not passed in: the
 * adapter takes them from the current request or from {@link AuditContext} (jobs, triggers, lifecycle events).
 */
public interface AuditTrail {
    /** One entry; the caller's transaction must be open. */
    default void record(AuditRecord record) {
        recordAll(List.of(record));
    }

    /** Several entries in one batch (a bulk change records its chunk at once); the caller's transaction must be open. */
    void recordAll(Collection<AuditRecord> records);

    /**
     * Entries of the service's own changes ({@code actor.type = system}), each with its own cause, in one batch; the
     * caller's transaction must be open. This default records them cause by cause through {@link AuditContext}; the
     * database trail writes them in one statement.
     */
    default void recordCaused(Collection<CausedAuditRecord> records) {
        Map<AuditCause, List<AuditRecord>> byCause = new LinkedHashMap<>();
        for (CausedAuditRecord r : records) {
            byCause.computeIfAbsent(r.cause(), c -> new java.util.ArrayList<>()).add(r.record());
        }
        byCause.forEach((cause, entries) -> AuditContext.asSystem(cause, () -> recordAll(entries)));
    }
}
