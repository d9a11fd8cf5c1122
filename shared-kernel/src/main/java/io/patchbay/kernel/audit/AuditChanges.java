package io.patchbay.kernel.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field changes of an audit entry, {@code {field: {from, to}}}: the fields whose values differ between two
 * snapshots. A secret field is compared on whatever the caller passes (its sealed value, a fingerprint) and written as
 * {@link #MASK} (or {@code null} when absent), so an entry shows that a secret changed, never what it was or became.
 */
public final class AuditChanges {
    public static final String MASK = "********";

    private AuditChanges() {
    }

    /** The fields that differ between {@code before} and {@code after} (in the order of their keys, {@code before}'s first). */
    public static Map<String, AuditChange> diff(Map<String, ?> before, Map<String, ?> after, Set<String> secretFields) {
        Map<String, ?> from = before == null ? Map.of() : before;
        Map<String, ?> to = after == null ? Map.of() : after;
        Set<String> keys = new LinkedHashSet<>(from.keySet());
        keys.addAll(to.keySet());
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        for (String key : keys) {
            Object a = plain(from.get(key));
            Object b = plain(to.get(key));
            if (Objects.equals(a, b)) {
                continue;
            }
            changes.put(key, secretFields.contains(key) ? new AuditChange(mask(a), mask(b)) : new AuditChange(a, b));
        }
        return changes;
    }

    /** A new resource: every field that has a value, from {@code null}. */
    public static Map<String, AuditChange> created(Map<String, ?> after, Set<String> secretFields) {
        return diff(Map.of(), after, secretFields);
    }

    /** A removed resource: every field that had a value, to {@code null}. */
    public static Map<String, AuditChange> deleted(Map<String, ?> before, Set<String> secretFields) {
        return diff(before, Map.of(), secretFields);
    }

    /**
     * A free-form tree (a config, an override) as one field per leaf, named by its path from {@code prefix}:
     * {@code config.credentials.client_secret}, {@code config.scopes[0]}; empty maps and lists are leaves. Diffing two
     * flattened trees shows which leaves changed, so a secret leaf can be masked on its own.
     */
    public static Map<String, Object> flatten(String prefix, Object tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        flattenInto(out, prefix, tree);
        return out;
    }

    private static void flattenInto(Map<String, Object> out, String path, Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flattenInto(out, path + "." + k, v));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flattenInto(out, path + "[" + i + "]", list.get(i));
            }
        } else {
            out.put(path, value);
        }
    }

    /** One field. */
    public static Map<String, AuditChange> of(String field, Object from, Object to) {
        return Map.of(field, new AuditChange(plain(from), plain(to)));
    }

    /** A secret that was replaced (or re-sealed): both sides masked. */
    public static AuditChange secretReplaced() {
        return new AuditChange(MASK, MASK);
    }

    private static Object mask(Object value) {
        return value == null ? null : MASK;
    }

    /** Values as JSON-like trees: instants as RFC 3339 text, enums by name, other objects by their text. */
    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Instant i -> i.toString();
            case Enum<?> e -> e.name();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
                yield out;
            }
            case Collection<?> items -> {
                List<Object> out = new ArrayList<>(items.size());
                items.forEach(v -> out.add(plain(v)));
                yield out;
            }
            default -> value.toString();
        };
    }
}
