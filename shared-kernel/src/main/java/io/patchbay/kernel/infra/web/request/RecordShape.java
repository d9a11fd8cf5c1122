package io.patchbay.kernel.infra.web.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.FieldError;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON a {@link RequestRecord} accepts, from its components: their wire names ({@code @JsonProperty} or the
 * component's name) and the JSON type each takes. Text is {@code String}; {@code true}/{@code false} is {@code Boolean};
 * whole numbers are {@code Integer}/{@code Long}; other numbers {@code Double}/{@code BigDecimal}; arrays are
 * {@code List}/{@code Set} of one of these; objects are nested request records or {@code Map<String, …>}; a
 * {@link JsonNode} or {@code Object} component takes any JSON (free-form configuration). JSON {@code null} is the same as
 * an absent field; whether a field is required is the record's constraint ({@code @NotNull}, {@code @NotBlank}).
 */
public final class RecordShape {
    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private final Map<String, Type> fields;
    private final String known;

    private RecordShape(Map<String, Type> fields) {
        this.fields = fields;
        this.known = String.join(", ", fields.keySet());
    }

    /** The shape of a request record class. */
    public static RecordShape of(Class<?> type) {
        return SHAPES.computeIfAbsent(type, RecordShape::read);
    }

    private static RecordShape read(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        Map<String, Type> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(wireName(component), component.getGenericType());
        }
        return new RecordShape(fields);
    }

    /** The component's name on the wire. */
    public static String wireName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null && component.getAccessor() != null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    /** What in {@code body} does not fit, field by field, in the order of the body (none: it binds). */
    public List<FieldError> check(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object"));
            return errors;
        }
        checkObject(body, "", errors);
        return errors;
    }

    /** For a body that is a JSON array of this record: what does not fit, element by element ({@code [2].name}). */
    public List<FieldError> checkArray(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isArray()) {
            errors.add(new FieldError("body", "must be a JSON array of objects (known fields: " + known + ")"));
            return errors;
        }
        for (int i = 0; i < body.size(); i++) {
            JsonNode element = body.get(i);
            if (element == null || !element.isObject()) {
                errors.add(new FieldError("[" + i + "]", "must be an object (known fields: " + known + ")"));
            } else {
                checkObject(element, "[" + i + "].", errors);
            }
        }
        return errors;
    }

    private void checkObject(JsonNode object, String prefix, List<FieldError> errors) {
        for (var entry : object.entries()) {
            String name = entry.getKey();
            Type type = fields.get(name);
            if (type == null) {
                errors.add(new FieldError(prefix + name, "is not a known field (known: " + known + ")"));
            } else {
                checkValue(entry.getValue(), type, prefix + name, errors);
            }
        }
    }

    private static void checkValue(JsonNode value, Type type, String path, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return;
        }
        Class<?> raw = rawOf(type);
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw == String.class) {
            expect(value.isString(), path, "must be a string", errors);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(value.isBoolean(), path, "must be true or false", errors);
        } else if (raw == Integer.class || raw == int.class) {
            expect(value.isNumber() && isWhole(value) && fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE), path,
                    "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE, errors);
        } else if (raw == Long.class || raw == long.class) {
            expect(value.isNumber() && isWhole(value) && fits(value, Long.MIN_VALUE, Long.MAX_VALUE), path,
                    "must be a whole number", errors);
        } else if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
            expect(value.isNumber(), path, "must be a number", errors);
        } else if (Collection.class.isAssignableFrom(raw)) {
            Type item = typeArgument(type, 0);
            if (!value.isArray()) {
                errors.add(new FieldError(path, rawOf(item) == String.class ? "must be an array of strings" : "must be an array"));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (element == null || element.isNull()) {
                    errors.add(new FieldError(path + "[" + i + "]", "must not be null"));
                } else {
                    checkValue(element, item, path + "[" + i + "]", errors);
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!value.isObject()) {
                errors.add(new FieldError(path, "must be an object"));
                return;
            }
            Type item = typeArgument(type, 1);
            for (var entry : value.entries()) {
                checkValue(entry.getValue(), item, path + "." + entry.getKey(), errors);
            }
        } else if (raw.isRecord() && raw.isAnnotationPresent(RequestRecord.class)) {
            if (!value.isObject()) {
                errors.add(new FieldError(path, "must be an object"));
                return;
            }
            of(raw).checkObject(value, path + ".", errors);
        } else {
            throw new IllegalStateException("a request record component of type " + type.getTypeName()
                    + " has no JSON shape; use String (and parse it at the edge), a number, Boolean, a collection, a map,"
                    + " a nested @RequestRecord or JsonNode");
        }
    }

    private static void expect(boolean ok, String path, String message, List<FieldError> errors) {
        if (!ok) {
            errors.add(new FieldError(path, message));
        }
    }

    private static boolean isWhole(JsonNode value) {
        try {
            BigDecimal number = new BigDecimal(value.getNumberValue().toString());
            return number.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean fits(JsonNode value, long min, long max) {
        BigDecimal number = new BigDecimal(value.getNumberValue().toString());
        return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index ? p.getActualTypeArguments()[index]
                : Object.class;
    }
}
