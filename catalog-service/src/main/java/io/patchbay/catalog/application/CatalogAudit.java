package io.patchbay.catalog.application;

import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.Owner;
import io.patchbay.catalog.domain.OwnerMapping;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditRecord;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What catalog-service's audit entries say. An integration's {@code apono} secret parameters are compared on their sealed
 * values and written as {@code "********"} ({@code secret_store.parameters.<name>}); the other secret stores hold
 * references (a vault path, a secret name), not values, and are shown as they are.
 */
final class CatalogAudit {
    static final String INTEGRATION = "integration";
    static final String CONNECTOR = "connector";
    static final String RESOURCE = "resource";
    static final String DISCOVERY = "discovery";

    private CatalogAudit() {
    }

    static Map<String, Object> fields(Integration i) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (i == null) {
            return f;
        }
        f.put("name", i.name());
        f.put("type", i.type());
        f.put("connector_id", i.connectorId());
        f.put("status", PublishedNames.NAMES.name(i.status()));
        f.put("details", i.details());
        f.put("last_sync_time", i.lastSyncTime());
        new java.util.TreeMap<>(i.config()).forEach((k, v) -> f.put("params." + k, v));
        SecretStore store = i.secretStore();
        if (store != null) {
            f.put("secret_store.kind", PublishedNames.NAMES.name(store.kind()));
            new java.util.TreeMap<>(store.fields()).forEach((k, v) -> f.put((store.isApono() ? "secret_store.parameters." : "secret_store.") + k, v));
        }
        f.put("connected_resource_types", i.connectedResourceTypes());
        f.put("custom_access_details", i.customAccessDetails());
        Owner owner = i.owner();
        if (owner != null) {
            f.put("owner.attribute_type", owner.attributeType());
            f.put("owner.attribute_value", owner.attributeValue());
            f.put("owner.source_integration_id", owner.sourceIntegrationId());
        }
        OwnerMapping mapping = i.ownersMapping();
        if (mapping != null) {
            f.put("owners_mapping.key_name", mapping.keyName());
            f.put("owners_mapping.attribute_type", mapping.attributeType());
            f.put("owners_mapping.source_integration_id", mapping.sourceIntegrationId());
        }
        f.put("configuration_id", i.configurationId());
        return f;
    }

    /** The entry of a change to an integration whose fields were {@code before} ({@code Map.of()} for a new one). */
    static AuditRecord integration(String verb, Map<String, Object> before, Integration after) {
        Map<String, Object> to = fields(after);
        Set<String> secrets = new LinkedHashSet<>();
        before.keySet().stream().filter(k -> k.startsWith("secret_store.parameters.")).forEach(secrets::add);
        to.keySet().stream().filter(k -> k.startsWith("secret_store.parameters.")).forEach(secrets::add);
        return AuditRecord.of(INTEGRATION + "." + verb, INTEGRATION, after.id(), after.teamId(), AuditChanges.diff(before, to, secrets));
    }

    static AuditRecord integrationDeleted(Integration before) {
        Map<String, Object> from = fields(before);
        Set<String> secrets = new LinkedHashSet<>();
        from.keySet().stream().filter(k -> k.startsWith("secret_store.parameters.")).forEach(secrets::add);
        return AuditRecord.of(INTEGRATION + ".deleted", INTEGRATION, before.id(), before.teamId(), AuditChanges.diff(from, Map.of(), secrets));
    }

    static AuditRecord connector(String verb, String teamId, String id, String nameBefore, String nameAfter) {
        return AuditRecord.of(CONNECTOR + "." + verb, CONNECTOR, id, teamId, AuditChanges.of("name", nameBefore, nameAfter));
    }

    static AuditRecord tags(String teamId, String resourceId, Map<String, String> before, Map<String, String> after) {
        return AuditRecord.of(RESOURCE + ".tags_replaced", RESOURCE, resourceId, teamId,
                AuditChanges.diff(prefixed(before), prefixed(after), Set.of()));
    }

    private static Map<String, Object> prefixed(Map<String, String> tags) {
        Map<String, Object> out = new LinkedHashMap<>();
        new java.util.TreeMap<>(tags).forEach((k, v) -> out.put("tags." + k, v));
        return out;
    }
}
