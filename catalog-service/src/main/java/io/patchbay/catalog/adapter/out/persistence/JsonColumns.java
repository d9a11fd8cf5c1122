package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.json.JsonMapper;
import io.patchbay.catalog.domain.Owner;
import io.patchbay.catalog.domain.OwnerMapping;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.infra.json.JsonTrees;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSONB columns of the integration table (config, secret store, owner, owners mapping), as kernel {@link JsonTrees}. */
@Singleton
class JsonColumns {
    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        if (value == null) {
            return null;
        }
        return new String(JsonTrees.write(json, value), StandardCharsets.UTF_8);
    }

    Map<String, Object> read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JsonTrees.readObject(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> strings(String value) {
        Map<String, Object> map = read(value);
        if (map == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return out;
    }

    static Map<String, Object> owner(Owner o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute_type", o.attributeType());
        m.put("attribute_value", o.attributeValue());
        m.put("source_integration_id", o.sourceIntegrationId());
        m.put("source_integration_name", o.sourceIntegrationName());
        return m;
    }

    static Map<String, Object> mapping(OwnerMapping o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key_name", o.keyName());
        m.put("attribute_type", o.attributeType());
        m.put("source_integration_id", o.sourceIntegrationId());
        m.put("source_integration_name", o.sourceIntegrationName());
        return m;
    }

    Owner owner(String value) {
        Map<String, Object> m = read(value);
        if (m == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (m.get("attribute_value") instanceof List<?> l) {
            l.forEach(v -> values.add(String.valueOf(v)));
        }
        return new Owner((String) m.get("attribute_type"), values, (String) m.get("source_integration_id"), (String) m.get("source_integration_name"));
    }

    OwnerMapping mapping(String value) {
        Map<String, Object> m = read(value);
        return m == null ? null : new OwnerMapping((String) m.get("key_name"), (String) m.get("attribute_type"),
                (String) m.get("source_integration_id"), (String) m.get("source_integration_name"));
    }

    SecretStore secretStore(String kind, String fields) {
        if (kind == null) {
            return null;
        }
        return new SecretStore(SecretStore.Kind.ofWire(kind).orElseThrow(), strings(fields));
    }
}
