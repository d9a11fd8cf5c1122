package io.patchbay.catalog.adapter.in.web;

import io.micronaut.json.tree.JsonNode;
import io.patchbay.catalog.application.port.in.CatalogUseCase;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.SecretStore;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Integrations in the wire shapes: v4 {@code IntegrationV4} and v2 {@code Integration}; apono secret values always masked. */
@Singleton
class IntegrationWire {
    private final CatalogUseCase catalog;

    IntegrationWire(CatalogUseCase catalog) {
        this.catalog = catalog;
    }

    JsonNode v4(Integration i) {
        return Wire.obj()
                .put("id", i.id())
                .put("name", i.name())
                .put("type", i.type())
                .put("category", i.category())
                .put("connector_id", i.connectorId())
                .put("status", i.status().name())
                .put("last_sync_time", i.lastSyncTime() == null ? null : i.lastSyncTime().toString())
                .put("integration_config", i.config())
                .put("secret_store_config", i.secretStore() == null ? null : Map.of(i.secretStore().kind().wire(), storeV4(i.secretStore())))
                .put("connected_resource_types", resourceTypes(i))
                .put("custom_access_details", i.customAccessDetails())
                .put("owner", i.owner() == null ? null : Wire.obj().put("attribute_type", i.owner().attributeType())
                        .put("attribute_value", i.owner().attributeValue()).put("source_integration_id", i.owner().sourceIntegrationId())
                        .put("source_integration_name", i.owner().sourceIntegrationName()))
                .put("owners_mapping", i.ownersMapping() == null ? null : Wire.obj().put("key_name", i.ownersMapping().keyName())
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
            secret.put("type", i.secretStore().kind().legacyType());
            if (i.secretStore().isApono()) {
                secret.put("parameters", i.secretStore().visibleFields());
            } else {
                secret.putAll(i.secretStore().visibleFields());
            }
        }
        return Wire.obj()
                .put("id", i.id())
                .put("name", i.name())
                .put("type", i.type())
                .put("status", i.status().name())
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
