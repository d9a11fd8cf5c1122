package io.patchbay.environment.adapter.in.web;

import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.Problems;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request JSON to config trees (maps, lists, scalars, nulls) and back, keeping key order and nulls. */
final class JsonTrees {
    private JsonTrees() {
    }

    /** The object at {@code field} of {@code body}; absent → null; JSON null → {@code nullAs}; anything but an object → 400. */
    static Map<String, Object> object(JsonNode body, String field, Map<String, Object> nullAs) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return nullAs;
        }
        return object(node, field);
    }

    static Map<String, Object> object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw Problems.validation(field, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) tree(node);
        return tree;
    }

    static Object tree(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                out.put(e.getKey(), tree(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode v : node.values()) {
                out.add(tree(v));
            }
            return out;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        return node.getNumberValue();
    }

    static JsonNode node(Object value) {
        return switch (value) {
            case null -> JsonNode.nullNode();
            case Map<?, ?> map -> {
                Map<String, JsonNode> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), node(v)));
                yield JsonNode.createObjectNode(out);
            }
            case List<?> list -> JsonNode.createArrayNode(list.stream().map(JsonTrees::node).toList());
            case String s -> JsonNode.createStringNode(s);
            case Boolean b -> JsonNode.createBooleanNode(b);
            case Integer i -> JsonNode.createNumberNode(i);
            case Long l -> JsonNode.createNumberNode(l);
            case BigInteger b -> JsonNode.createNumberNode(b);
            case BigDecimal d -> JsonNode.createNumberNode(d);
            case Double d -> JsonNode.createNumberNode(d);
            case Float f -> JsonNode.createNumberNode(f);
            case Number n -> JsonNode.createNumberNode(new BigDecimal(n.toString()));
            default -> JsonNode.createStringNode(value.toString());
        };
    }
}
