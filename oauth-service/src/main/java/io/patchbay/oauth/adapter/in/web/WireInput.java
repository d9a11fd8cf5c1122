package io.patchbay.oauth.adapter.in.web;

import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.error.Texts;
import io.patchbay.kernel.id.Ids;
import io.patchbay.oauth.domain.ConfigInput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Path ids and config values from requests, checked before they reach a use case (malformed → 400 naming the field). */
final class WireInput {
    private static final Pattern UUID_TEXT = Ids.UUID_TEXT;
    private static final Pattern TEMPLATE_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern TEAM = Ids.TEAM_ID;

    private WireInput() {
    }

    static UUID guid(String value, String field) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw Problems.validation(field, "must be a GUID (UUID), was '" + Texts.truncate(value) + "'");
        }
        return UUID.fromString(value);
    }

    static String templateKey(String value) {
        if (value == null || !TEMPLATE_KEY.matcher(value).matches()) {
            throw Problems.validation("key", "must be a template key (lower-case letters, digits, '-' or '_'), was '" + Texts.truncate(value) + "'");
        }
        return value;
    }

    static String team(String header) {
        if (header != null && !TEAM.matcher(header).matches()) {
            throw Problems.validation("X-Team-Id", "must be a team id (team_…), was '" + Texts.truncate(header) + "'");
        }
        return header;
    }

    /** The config object: strings, booleans and nulls as they are; other JSON types as markers the validator reports. */
    static Map<String, Object> config(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw Problems.validation("config", "must be an object");
        }
        for (var entry : node.entries()) {
            JsonNode v = entry.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isString()) {
                value = v.getStringValue();
            } else if (v.isBoolean()) {
                value = v.getBooleanValue();
            } else {
                value = new ConfigInput(v.isNumber() ? "number" : v.isArray() ? "array" : "object");
            }
            out.put(entry.getKey(), value);
        }
        return out;
    }
}
