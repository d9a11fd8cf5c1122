package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.application.PublishedNames;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.catalog.application.port.in.CatalogUseCase;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.infra.json.JsonTrees;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * catalog-service's responses in their wire shapes: integrations as v4 {@code IntegrationV4} and v2 {@code Integration}
 * (apono secret values always masked), offset pages and messages. Bodies are built as JSON trees (kernel
 * {@link JsonTrees}), so nulls are written as the vendor writes them and field order is stable. A nested {@link Obj}
 * is put as its node; objects inside lists are built with {@link Obj#node()}.
 */
@Singleton
class WireMapper {
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

    private final CatalogUseCase catalog;

    WireMapper(CatalogUseCase catalog) {
        this.catalog = catalog;
    }

    JsonNode v4(Integration i) {
        return WireMapper.obj()
                .put("id", i.id())
                .put("name", i.name())
                .put("type", i.type())
                .put("category", i.category())
                .put("connector_id", i.connectorId())
                .put("status", PublishedNames.NAMES.name(i.status()))
                .put("last_sync_time", i.lastSyncTime() == null ? null : i.lastSyncTime().toString())
                .put("integration_config", i.config())
                .put("secret_store_config", i.secretStore() == null ? null : Map.of(SecretStoreNames.v4Key(i.secretStore().kind()), storeV4(i.secretStore())))
                .put("connected_resource_types", resourceTypes(i))
                .put("custom_access_details", i.customAccessDetails())
                .put("owner", i.owner() == null ? null : WireMapper.obj().put("attribute_type", i.owner().attributeType())
                        .put("attribute_value", i.owner().attributeValue()).put("source_integration_id", i.owner().sourceIntegrationId())
                        .put("source_integration_name", i.owner().sourceIntegrationName()))
                .put("owners_mapping", i.ownersMapping() == null ? null : WireMapper.obj().put("key_name", i.ownersMapping().keyName())
                        .put("attribute_type", i.ownersMapping().attributeType())
                        .put("source_integration_id", i.ownersMapping().sourceIntegrationId())
                        .put("source_integration_name", i.ownersMapping().sourceIntegrationName()))
                .put("configuration_id", i.configurationId())
                .put("details", i.details())
                .node();
    }

    JsonNode v2(Integration i) {
        Map<String, Object> secret = null;
        if (i.secretStore() != null) {
            secret = new LinkedHashMap<>();
            secret.put("type", SecretStoreNames.v2Type(i.secretStore().kind()));
            if (i.secretStore().isApono()) {
                secret.put("parameters", i.secretStore().visibleFields());
            } else {
                secret.putAll(i.secretStore().visibleFields());
            }
        }
        return WireMapper.obj()
                .put("id", i.id())
                .put("name", i.name())
                .put("type", i.type())
                .put("status", PublishedNames.NAMES.name(i.status()))
                .put("details", i.details())
                .put("provisioner_id", i.connectorId())
                .put("connection", null)
                .put("last_sync_time", epochSeconds(i.lastSyncTime()))
                .put("metadata", i.config())
                .put("secret_config", secret)
                .put("connected_resource_types", resourceTypes(i))
                .put("custom_access_details", i.customAccessDetails())
                .put("configuration_id", i.configurationId())
                .node();
    }

    private static Object storeV4(SecretStore store) {
        return store.isApono() ? Map.of("parameters", store.visibleFields()) : store.visibleFields();
    }

    private List<String> resourceTypes(Integration i) {
        if (i.connectedResourceTypes() != null) {
            return i.connectedResourceTypes();
        }
        return catalog.list().stream().filter(t -> t.type().equals(i.type())).findFirst().map(CatalogType::resourceTypeIds).orElse(List.of());
    }

    /** Apono's v2 {@code Instant}: a number {@code seconds.nanos}. */
    static BigDecimal epochSeconds(Instant t) {
        return t == null ? null : BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
    }
}
