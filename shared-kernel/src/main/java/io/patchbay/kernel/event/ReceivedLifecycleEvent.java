package io.patchbay.kernel.event;

import io.patchbay.kernel.audit.AuditCause;

import java.util.Objects;
import java.util.UUID;

/**
 * A lifecycle event the consumer's inbox took as new (not a duplicate, not stale), with its CloudEvents id and type: what
 * the changes it causes name as their cause in the audit trail.
 */
public record ReceivedLifecycleEvent(UUID eventId, LifecycleEventType type, ConfigurationLifecycleEvent event) {
    public ReceivedLifecycleEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
    }

    /** The event with the type its payload record stands for. */
    public static ReceivedLifecycleEvent of(UUID eventId, ConfigurationLifecycleEvent event) {
        return new ReceivedLifecycleEvent(eventId, LifecycleEventType.of(event), event);
    }

    public String configurationId() {
        return event.configurationId();
    }

    /** The cause the audit entries of this event's changes carry. */
    public AuditCause cause() {
        return AuditCause.event(eventId, type.ceType());
    }
}
