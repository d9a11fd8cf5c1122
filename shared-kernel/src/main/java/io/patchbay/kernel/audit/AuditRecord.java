package io.patchbay.kernel.audit;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What changed: {@code action} as {@code <resource>.<verb>} ({@code configuration.disabled}), the resource, the team it
 * belongs to (null for personal or platform-wide resources) and the field changes (secret values already masked, see
 * {@link AuditChanges}).
 */
public record AuditRecord(String action, String resourceType, String resourceId, String teamId, Map<String, AuditChange> changes) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is <resource>.<verb> in snake_case, was " + action);
        }
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }

    public static AuditRecord of(String action, String resourceType, String resourceId, String teamId, Map<String, AuditChange> changes) {
        return new AuditRecord(action, resourceType, resourceId, teamId, changes);
    }
}
