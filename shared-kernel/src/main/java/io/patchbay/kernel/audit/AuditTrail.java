package io.patchbay.kernel.audit;

import java.util.Collection;
import java.util.List;

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
}
