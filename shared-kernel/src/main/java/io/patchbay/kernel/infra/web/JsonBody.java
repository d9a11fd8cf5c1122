package io.patchbay.kernel.infra.web;

import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a JSON request body field by field, so that every wrong type, unknown field and missing value is answered
 * with a 400 naming the field (never a framework message, never a 5xx).
 */
public final class JsonBody {
    private final JsonNode node;
    private final String prefix;

    private JsonBody(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The body as an object; a missing body or another JSON type is 400. */
    public static JsonBody of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problems.validation("body", "must be a JSON object");
        }
        return new JsonBody(body, "");
    }

    /** Refuses fields other than {@code allowed}. */
    public JsonBody allowOnly(String... allowed) {
        Set<String> names = Set.of(allowed);
        for (var entry : node.entries()) {
            String name = entry.getKey();
            if (!names.contains(name)) {
                throw Problems.validation(prefix + name, "is not a known field (known: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return node.get(name) != null;
    }

    public boolean isNull(String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNull();
    }

    public Optional<String> string(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw Problems.validation(prefix + name, "must be a string");
        }
        return Optional.of(value.getStringValue());
    }

    public String requiredString(String name) {
        String value = string(name).orElseThrow(() -> Problems.validation(prefix + name, "is required"));
        if (value.isBlank()) {
            throw Problems.validation(prefix + name, "must not be blank");
        }
        return value;
    }

    public Optional<Boolean> bool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw Problems.validation(prefix + name, "must be true or false");
        }
        return Optional.of(value.getBooleanValue());
    }

    public Optional<List<String>> strings(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw Problems.validation(prefix + name, "must be an array of strings");
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item == null || !item.isString()) {
                throw Problems.validation(prefix + name + "[" + i + "]", "must be a string");
            }
            out.add(item.getStringValue());
        }
        return Optional.of(out);
    }

    public Optional<JsonBody> object(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw Problems.validation(prefix + name, "must be an object");
        }
        return Optional.of(new JsonBody(value, prefix + name + "."));
    }

    /** A string field parsed by {@code parser(value, fieldPath)}, which throws a 400 naming the field for unknown values. */
    public <E> Optional<E> parsed(String name, BiFunction<String, String, E> parser) {
        return string(name).map(v -> parser.apply(v, prefix + name));
    }

    /** The field's value, or null when absent or JSON null. */
    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
