package io.patchbay.kernel.event;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts lifecycle events to and from their flat JSON field maps (events.md): every field is written, nulls
 * included, in declaration order; reading checks each field's presence and type so a malformed record is refused
 * with a message naming the field.
 */
public final class LifecycleEventFields {
    private LifecycleEventFields() {
    }

    public static Map<String, Object> toFields(ConfigurationLifecycleEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(event));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    /** @throws IllegalArgumentException naming the first missing or mistyped field */
    public static ConfigurationLifecycleEvent fromFields(LifecycleEventType type, Map<String, ?> fields) {
        RecordComponent[] components = type.payloadType().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (!fields.containsKey(c.getName())) {
                throw new IllegalArgumentException("field '" + c.getName() + "' is missing");
            }
            args[i] = convert(c, fields.get(c.getName()));
        }
        try {
            return type.payloadType().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(RecordComponent c, Object value) {
        Class<?> t = c.getType();
        if (t == long.class || t == Long.class) {
            if (value == null && t == Long.class) {
                return null;
            }
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            throw new IllegalArgumentException("field '" + c.getName() + "' must be an integer");
        }
        if (value == null) {
            if (NULLABLE_STRINGS.contains(c.getName())) {
                return null;
            }
            throw new IllegalArgumentException("field '" + c.getName() + "' must not be null");
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("field '" + c.getName() + "' must be a string");
        }
        return s;
    }

    private static final java.util.Set<String> NULLABLE_STRINGS = java.util.Set.of("teamId", "previousTeamId");

    /** The flat JSON text of an event (strings, integers and nulls only). */
    public static String toJson(ConfigurationLifecycleEvent event) {
        StringBuilder out = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : toFields(event).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey()).append(':');
            Object v = e.getValue();
            if (v == null) {
                out.append("null");
            } else if (v instanceof Number) {
                out.append(v);
            } else {
                quote(out, v.toString());
            }
        }
        return out.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"');
    }
}
