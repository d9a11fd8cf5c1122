package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.test.TestInfra;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every repository test shares: a fresh database with the real migrations, no consumer, workers or topics, and rows to start from. */
final class RepositoryTests {
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");

    private RepositoryTests() {
    }

    static Map<String, String> properties(String jdbcUrl) {
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.discovery.enabled", "false");
        props.put("patchbay.topic.provision", "false");
        return props;
    }

    /** A minimal integration row (nullable columns null). */
    static IntegrationRow integration(String id, String teamId, String name) {
        return new IntegrationRow(id, teamId, name, "kafka", "RESOURCES", "patchbay-builtin", "Initializing", null, null, null,
                Map.of("bootstrap_servers", "h:1"), null, null, null, null, null, null, null, 1, T0, T0, "u1", "u1");
    }

    static IntegrationRow withConnector(IntegrationRow r, String connectorId, String status) {
        return new IntegrationRow(r.id(), r.teamId(), r.name(), r.type(), r.category(), connectorId, status, r.statusBeforeDisable(), r.details(),
                r.lastSyncTime(), r.integrationConfig(), r.secretStoreKind(), r.secretStore(), r.connectedResourceTypes(), r.customAccessDetails(),
                r.owner(), r.ownersMapping(), r.configurationId(), r.revision(), r.createdAt(), r.updatedAt(), r.createdBy(), r.updatedBy());
    }

    static IntegrationRow renamed(IntegrationRow r, String name) {
        return new IntegrationRow(r.id(), r.teamId(), name, r.type(), r.category(), r.connectorId(), r.status(), r.statusBeforeDisable(), r.details(),
                r.lastSyncTime(), r.integrationConfig(), r.secretStoreKind(), r.secretStore(), r.connectedResourceTypes(), r.customAccessDetails(),
                r.owner(), r.ownersMapping(), r.configurationId(), r.revision(), r.createdAt(), r.updatedAt(), r.createdBy(), r.updatedBy());
    }

    static IntegrationRow linked(IntegrationRow r, String configurationId) {
        return new IntegrationRow(r.id(), r.teamId(), r.name(), r.type(), r.category(), r.connectorId(), r.status(), r.statusBeforeDisable(),
                r.details(), r.lastSyncTime(), r.integrationConfig(), r.secretStoreKind(), r.secretStore(), r.connectedResourceTypes(),
                r.customAccessDetails(), r.owner(), r.ownersMapping(), configurationId, r.revision(), r.createdAt(), r.updatedAt(), r.createdBy(),
                r.updatedBy());
    }

    static String id(String prefix, int n) {
        return prefix + String.format("%024d", n);
    }

    static List<String> names(List<IntegrationRow> rows) {
        return rows.stream().map(IntegrationRow::name).toList();
    }
}
