package io.patchbay.kernel.audit;

/** One field's change: JSON-like values ({@code null}, strings, numbers, booleans, lists, maps); secrets as {@link AuditChanges#MASK}. */
public record AuditChange(Object from, Object to) {
}
