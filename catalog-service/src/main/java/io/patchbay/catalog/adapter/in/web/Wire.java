package io.patchbay.catalog.adapter.in.web;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds response bodies as JSON trees, so nulls are written as the vendor writes them and field order is stable. */
final class Wire {
    private Wire() {
    }

    static final class Obj {
        private final Map<String, JsonNode> fields = new LinkedHashMap<>();

        Obj put(String name, Object value) {
            fields.put(name, Wire.node(value));
            return this;
        }

        JsonNode node() {
            return JsonNode.createObjectNode(fields);
        }
    }

    static Obj obj() {
        return new Obj();
    }

    static JsonNode node(Object value) {
        return switch (value) {
            case null -> JsonNode.nullNode();
            case JsonNode n -> n;
            case Obj o -> o.node();
            case String s -> JsonNode.createStringNode(s);
            case Boolean b -> JsonNode.createBooleanNode(b);
            case Integer i -> JsonNode.createNumberNode(i);
            case Long l -> JsonNode.createNumberNode(l);
            case Double d -> JsonNode.createNumberNode(d);
            case java.math.BigDecimal d -> JsonNode.createNumberNode(d);
            case Map<?, ?> m -> {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                m.forEach((k, v) -> fields.put(String.valueOf(k), node(v)));
                yield JsonNode.createObjectNode(fields);
            }
            case Collection<?> c -> {
                List<JsonNode> items = new ArrayList<>(c.size());
                c.forEach(v -> items.add(node(v)));
                yield JsonNode.createArrayNode(items);
            }
            default -> JsonNode.createStringNode(value.toString());
        };
    }

    static JsonNode message(String message) {
        return obj().put("message", message).node();
    }

    static JsonNode offsetPage(List<?> items, long total, int limit, int offset) {
        return obj().put("data", items).put("pagination", obj().put("total", (int) Math.min(Integer.MAX_VALUE, total))
                .put("limit", limit).put("offset", offset)).node();
    }
}
