package io.patchbay.catalog.adapter.in.web;

import io.patchbay.kernel.id.ConfigurationId;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.Owner;
import io.patchbay.catalog.domain.OwnerMapping;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.JsonBody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads v4 (CreateIntegrationV4 / UpdateIntegrationV4) and v2 (CreateIntegration / UpdateIntegration) bodies field by field. */
final class IntegrationBodies {
    private static final String[] V4_FIELDS = {"name", "type", "connector_id", "integration_config", "secret_store_config",
        "connected_resource_types", "custom_access_details", "owner", "owners_mapping", "configuration_id"};
    private static final String[] V2_FIELDS = {"name", "type", "provisioner_id", "metadata", "secret_config", "connected_resource_types",
        "custom_access_details", "configuration_id"};

    private IntegrationBodies() {
    }

    static IntegrationSpec v4(JsonNode node, boolean create) {
        JsonBody body = JsonBody.of(node).allowOnly(V4_FIELDS);
        String name = body.requiredString("name");
        String type = create ? body.requiredString("type") : body.string("type").orElse(null);
        return new IntegrationSpec(name, type, body.string("connector_id").orElse(null), stringMap(node.get("integration_config"),
                "integration_config", true), secretStoreV4(node.get("secret_store_config")), body.strings("connected_resource_types").orElse(null),
                body.string("custom_access_details").orElse(null), owner(node.get("owner")), mapping(node.get("owners_mapping")),
                body.has("configuration_id"), configurationId(body));
    }

    static IntegrationSpec v2(JsonNode node, boolean create) {
        JsonBody body = JsonBody.of(node).allowOnly(V2_FIELDS);
        String name = body.requiredString("name");
        String type = create ? body.requiredString("type") : body.string("type").orElse(null);
        return new IntegrationSpec(name, type, body.string("provisioner_id").orElse(null), stringMap(node.get("metadata"), "metadata", true),
                secretStoreV2(node.get("secret_config")), body.strings("connected_resource_types").orElse(null),
                body.string("custom_access_details").orElse(null), null, null, body.has("configuration_id"), configurationId(body));
    }

    private static String configurationId(JsonBody body) {
        return body.string("configuration_id").map(id -> ConfigurationId.parse(id, "configuration_id").value()).orElse(null);
    }

    /** An object of string values; numbers and booleans are refused so the connector never guesses. */
    static Map<String, String> stringMap(JsonNode value, String field, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                throw Problems.validation(field, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            throw Problems.validation(field, "must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var entry : value.entries()) {
            JsonNode v = entry.getValue();
            if (v == null || !v.isString()) {
                throw Problems.validation(field + "." + entry.getKey(), "must be a string");
            }
            out.put(entry.getKey(), v.getStringValue());
        }
        return out;
    }

    private static SecretStore secretStoreV4(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String field = "secret_store_config";
        if (!value.isObject()) {
            throw Problems.validation(field, "must be an object");
        }
        List<String> allowed = new ArrayList<>();
        for (SecretStore.Kind k : SecretStore.Kind.values()) {
            allowed.add(k.wire());
        }
        allowOnly(value, field, allowed);
        SecretStore found = null;
        for (var entry : value.entries()) {
            if (entry.getValue() == null || entry.getValue().isNull()) {
                continue;
            }
            if (found != null) {
                throw Problems.validation(field, "must have exactly one secret store, has " + found.kind().wire() + " and " + entry.getKey());
            }
            SecretStore.Kind kind = SecretStore.Kind.ofWire(entry.getKey()).orElseThrow();
            String path = field + "." + kind.wire();
            if (!entry.getValue().isObject()) {
                throw Problems.validation(path, "must be an object");
            }
            if (kind == SecretStore.Kind.APONO) {
                allowOnly(entry.getValue(), path, List.of("parameters"));
                found = new SecretStore(kind, stringMap(entry.getValue().get("parameters"), path + ".parameters", true));
            } else {
                allowOnly(entry.getValue(), path, kind.fields());
                found = new SecretStore(kind, reference(entry.getValue(), kind, path));
            }
        }
        if (found == null) {
            throw Problems.validation(field, "must have exactly one of aws, gcp, kubernetes, azure, hashicorp_vault, apono");
        }
        return found;
    }

    /** The fields of a reference store (aws, gcp, …), all required. */
    private static Map<String, String> reference(JsonNode value, SecretStore.Kind kind, String path) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : kind.fields()) {
            fields.put(f, requiredString(value, path, f));
        }
        return fields;
    }

    /** v2's flat {@code secret_config}: {@code {type: AWS|GCP|AZURE|KUBERNETES|HASHICORP_VAULT, …fields}} (and our APONO + parameters). */
    private static SecretStore secretStoreV2(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String field = "secret_config";
        if (!value.isObject()) {
            throw Problems.validation(field, "must be an object");
        }
        JsonNode typeNode = value.get("type");
        if (typeNode == null || !typeNode.isString()) {
            throw Problems.validation(field + ".type", "is required: one of AWS, GCP, AZURE, KUBERNETES, HASHICORP_VAULT, APONO");
        }
        SecretStore.Kind kind = SecretStore.Kind.ofLegacy(typeNode.getStringValue()).orElseThrow(() -> Problems.validation(field + ".type",
                "must be one of AWS, GCP, AZURE, KUBERNETES, HASHICORP_VAULT, APONO, was '" + typeNode.getStringValue() + "'"));
        List<String> allowed = new ArrayList<>(kind.fields());
        allowed.add("type");
        allowOnly(value, field, allowed);
        if (kind == SecretStore.Kind.APONO) {
            return new SecretStore(kind, stringMap(value.get("parameters"), field + ".parameters", true));
        }
        return new SecretStore(kind, reference(value, kind, field));
    }

    private static Owner owner(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw Problems.validation("owner", "must be an object");
        }
        allowOnly(value, "owner", List.of("attribute_type", "attribute_value", "source_integration_reference"));
        JsonNode list = value.get("attribute_value");
        if (list == null || !list.isArray() || list.size() == 0) {
            throw Problems.validation("owner.attribute_value", "is required: an array of at least one string");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isString()) {
                throw Problems.validation("owner.attribute_value[" + i + "]", "must be a string");
            }
            values.add(list.get(i).getStringValue());
        }
        return new Owner(requiredString(value, "owner", "attribute_type"), values, null, optionalString(value, "owner", "source_integration_reference"));
    }

    private static OwnerMapping mapping(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw Problems.validation("owners_mapping", "must be an object");
        }
        allowOnly(value, "owners_mapping", List.of("key_name", "attribute_type", "source_integration_reference"));
        return new OwnerMapping(requiredString(value, "owners_mapping", "key_name"), requiredString(value, "owners_mapping", "attribute_type"),
                null, optionalString(value, "owners_mapping", "source_integration_reference"));
    }

    private static void allowOnly(JsonNode object, String path, List<String> allowed) {
        for (var entry : object.entries()) {
            if (!allowed.contains(entry.getKey())) {
                throw Problems.validation(path + "." + entry.getKey(), "is not a known field (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static String requiredString(JsonNode object, String path, String name) {
        String value = optionalString(object, path, name);
        if (value == null || value.isBlank()) {
            throw Problems.validation(path + "." + name, "is required");
        }
        return value;
    }

    private static String optionalString(JsonNode object, String path, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw Problems.validation(path + "." + name, "must be a string");
        }
        return value.getStringValue();
    }
}
