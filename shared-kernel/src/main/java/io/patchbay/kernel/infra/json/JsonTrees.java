package io.patchbay.kernel.infra.json;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.Problems;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON as plain Java trees ({@code Map<String,Object>} in key order, {@code List<Object>}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}), converted to and from Micronaut's {@link JsonNode} and JSON text. The
 * domain works on such trees (configs and overrides); the web adapter reads request bodies into them and the persistence
 * adapter stores them in JSON columns, and response bodies are built from them with nulls and key order kept — written
 * once here for every service.
 */
public final class JsonTrees {
    private JsonTrees() {
    }

    /** The plain tree of a node (JSON null → {@code null}); a number beyond double range is a 400. */
    public static Object tree(JsonNode node) {
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
        Number number = node.getNumberValue();
        if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
            // 1e400 parses as Infinity, which JSON cannot hold: refuse it rather than store it as the text "Infinity"
            throw Problems.validation("body", "a number is too large to be kept exactly: " + number);
        }
        return number;
    }

    /** The node of a plain tree (a {@link JsonNode} inside it is taken as it is; other objects become strings). */
    public static JsonNode node(Object value) {
        return switch (value) {
            case null -> JsonNode.nullNode();
            case JsonNode node -> node;
            case Map<?, ?> map -> {
                Map<String, JsonNode> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), node(v)));
                yield JsonNode.createObjectNode(out);
            }
            case Collection<?> items -> JsonNode.createArrayNode(items.stream().map(JsonTrees::node).toList());
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

    /** Compact JSON text (UTF-8) of a plain tree. */
    public static byte[] write(JsonMapper mapper, Object tree) {
        try {
            return mapper.writeValueAsBytes(node(tree));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The object in JSON text; {@link IOException} when the text is not JSON or not an object. */
    public static Map<String, Object> readObject(JsonMapper mapper, String text) throws IOException {
        JsonNode node = mapper.readValue(text, JsonNode.class);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) tree(node);
        return tree;
    }
}
