package io.patchbay.environment.adapter.in.web;

import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.infra.json.JsonTrees;
import io.patchbay.kernel.error.Problems;

import java.util.Map;

/** JSON objects in request bodies (configs, overrides, merge patches) as config trees, keeping key order and nulls. */
final class BodyTrees {
    private BodyTrees() {
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

    /** A free-form object of a request record ({@code config}, {@code override}): absent or JSON null → null; not an object → 400. */
    static Map<String, Object> optionalObject(JsonNode node, String field) {
        return node == null || node.isNull() ? null : object(node, field);
    }

    /** {@code node} itself, which must be an object (400 naming {@code field} otherwise). */
    static Map<String, Object> object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw Problems.validation(field, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) JsonTrees.tree(node);
        return tree;
    }
}
