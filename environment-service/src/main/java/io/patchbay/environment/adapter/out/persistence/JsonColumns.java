package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.environment.domain.Json;
import io.patchbay.kernel.infra.jdbc.DataAccessException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON columns: config trees to text and back (key order and nulls kept). */
@Singleton
class JsonColumns {
    private final JsonMapper mapper;

    JsonColumns(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, Object> tree) {
        return Json.write(tree);
    }

    Map<String, Object> read(String text) throws SQLException {
        try {
            JsonNode node = mapper.readValue(text, JsonNode.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) tree(node);
            return tree;
        } catch (IOException | ClassCastException e) {
            throw new DataAccessException("stored JSON could not be read", new SQLException(e));
        }
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
}
