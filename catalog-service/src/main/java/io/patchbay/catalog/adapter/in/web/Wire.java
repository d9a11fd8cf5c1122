package io.patchbay.catalog.adapter.in.web;

import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.infra.json.JsonTrees;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds response bodies as JSON trees (kernel {@link JsonTrees}), so nulls are written as the vendor writes them and
 * field order is stable. A nested {@link Obj} is put as its node; objects inside lists are built with {@link Obj#node()}.
 */
final class Wire {
    private Wire() {
    }

    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String name, Object value) {
            fields.put(name, value instanceof Obj o ? o.node() : value);
            return this;
        }

        JsonNode node() {
            return JsonTrees.node(fields);
        }
    }

    static Obj obj() {
        return new Obj();
    }

    static JsonNode message(String message) {
        return obj().put("message", message).node();
    }

    static JsonNode offsetPage(List<JsonNode> items, long total, int limit, int offset) {
        return obj().put("data", items).put("pagination", obj().put("total", (int) Math.min(Integer.MAX_VALUE, total))
                .put("limit", limit).put("offset", offset)).node();
    }
}
