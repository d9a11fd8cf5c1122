package io.patchbay.kernel.audit;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Marks the changes made inside {@code work} as the service's own ({@code actor.type = system}) with their cause: a
 * scheduled job, an automatic trigger (a plan downgrade disabling configurations) or a lifecycle event being applied.
 * Outside such a scope the actor is the request's caller. A scoped value: it holds for the calling thread only, for the
 * duration of {@code work}.
 */
public final class AuditContext {
    private static final ScopedValue<AuditCause> SYSTEM_CAUSE = ScopedValue.newInstance();

    private AuditContext() {
    }

    public static <T> T asSystem(AuditCause cause, Supplier<T> work) {
        return ScopedValue.where(SYSTEM_CAUSE, cause).call(work::get);
    }

    public static void asSystem(AuditCause cause, Runnable work) {
        ScopedValue.where(SYSTEM_CAUSE, cause).run(work);
    }

    /** The cause of the system change in progress, if one is. */
    public static Optional<AuditCause> systemCause() {
        return SYSTEM_CAUSE.isBound() ? Optional.of(SYSTEM_CAUSE.get()) : Optional.empty();
    }
}
