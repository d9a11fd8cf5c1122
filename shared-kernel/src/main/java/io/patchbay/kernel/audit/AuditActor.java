package io.patchbay.kernel.audit;

import java.util.Objects;

/** Who made a change: a user, a platform admin, or the service itself ({@code system}) for jobs, triggers and events. */
public record AuditActor(Type type, String id, String teamId) {
    public static final String SYSTEM_ID = "system";

    public enum Type {
        USER, ADMIN, SYSTEM;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AuditActor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static AuditActor system() {
        return new AuditActor(Type.SYSTEM, SYSTEM_ID, null);
    }
}
