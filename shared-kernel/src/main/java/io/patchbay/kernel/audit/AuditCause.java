package io.patchbay.kernel.audit;

import java.util.UUID;

/**
 * Why the service changed something by itself: the lifecycle event it applied ({@code eventId}, {@code eventType}) or
 * the name of the trigger or job ({@code plan_downgrade}, {@code deletion_grace}).
 */
public record AuditCause(UUID eventId, String eventType, String trigger) {
    public static AuditCause event(UUID eventId, String eventType) {
        return new AuditCause(eventId, eventType, null);
    }

    public static AuditCause trigger(String name) {
        return new AuditCause(null, null, name);
    }
}
