package io.patchbay.kernel.audit;

import java.util.Objects;

/**
 * An entry of a change the service made by itself, with its own cause: a batch of lifecycle events records the entries of
 * all its events at once, each naming the event that caused it.
 */
public record CausedAuditRecord(AuditRecord record, AuditCause cause) {
    public CausedAuditRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(cause, "cause");
    }
}
