package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.port.out.InventoryStore;
import io.patchbay.catalog.domain.DiscoveredResource;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.catalog.domain.ResourceStatus;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resources (upserted by discovery in JDBC batches; missing ones swept to Deleted), permissions and user tags. */
@Singleton
class InventoryPersistenceAdapter implements InventoryStore {
    private static final int BATCH = 1000;
    private final Sql sql;

    InventoryPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void applyDiscovery(String integrationId, long jobId, DiscoveryResult result, Set<String> sweep, Instant now) {
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (DiscoveredResource r : result.resources()) {
            rows.add(new Object[] {Ids.prefixed(Resource.ID_PREFIX, 24), integrationId, r.key(), r.name(), r.type(), jobId, now, now});
            if (rows.size() == BATCH) {
                upsert(rows);
                rows.clear();
            }
        }
        upsert(rows);
        if (!sweep.isEmpty()) {
            sql.update("UPDATE resource SET status = 'Deleted', message = ?, updated_at = ? WHERE integration_id = ? AND type = ANY (?::text[]) "
                            + "AND seen_job <> ? AND status <> 'Deleted'",
                    "no longer found in the source (discovery of " + now + ")", now, integrationId, sweep.toArray(String[]::new), jobId);
        }
        sql.update("DELETE FROM permission WHERE integration_id = ?", integrationId);
        sql.batch("INSERT INTO permission (integration_id, id, name, resource_type) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                result.permissions().stream().map(p -> new Object[] {integrationId, p.id(), p.name(), p.resourceType()}).toList());
    }

    private void upsert(List<Object[]> rows) {
        sql.batch("INSERT INTO resource (id, integration_id, external_key, name, type, status, message, seen_job, discovered_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 'Active', NULL, ?, ?, ?) ON CONFLICT (integration_id, external_key) DO UPDATE SET "
                + "name = EXCLUDED.name, type = EXCLUDED.type, status = 'Active', message = NULL, seen_job = EXCLUDED.seen_job, "
                + "updated_at = EXCLUDED.updated_at", rows);
    }

    @Override
    public List<Resource> resources(String integrationId, String resourceType, int limit, int offset) {
        return sql.list("SELECT id, integration_id, name, type, status, message FROM resource WHERE integration_id = ? "
                + "AND (?::text IS NULL OR type = ?) ORDER BY type, name, id LIMIT ? OFFSET ?", InventoryPersistenceAdapter::resource,
                integrationId, resourceType, resourceType, limit, offset);
    }

    @Override
    public long countResources(String integrationId, String resourceType) {
        return sql.one("SELECT count(*) FROM resource WHERE integration_id = ? AND (?::text IS NULL OR type = ?)", r -> r.getLong(1),
                integrationId, resourceType, resourceType).orElse(0L);
    }

    @Override
    public List<Permission> permissions(String integrationId, String resourceType, int limit, int offset) {
        return sql.list("SELECT id, name, resource_type FROM permission WHERE integration_id = ? AND (?::text IS NULL OR resource_type = ?) "
                        + "ORDER BY resource_type, name LIMIT ? OFFSET ?", r -> new Permission(r.getString(1), r.getString(2), r.getString(3)),
                integrationId, resourceType, resourceType, limit, offset);
    }

    @Override
    public long countPermissions(String integrationId, String resourceType) {
        return sql.one("SELECT count(*) FROM permission WHERE integration_id = ? AND (?::text IS NULL OR resource_type = ?)", r -> r.getLong(1),
                integrationId, resourceType, resourceType).orElse(0L);
    }

    @Override
    public Optional<Resource> resource(String resourceId) {
        return sql.one("SELECT id, integration_id, name, type, status, message FROM resource WHERE id = ?", InventoryPersistenceAdapter::resource,
                resourceId);
    }

    @Override
    public Map<String, String> tags(String resourceId) {
        Map<String, String> tags = new LinkedHashMap<>();
        sql.each("SELECT key, value FROM resource_tag WHERE resource_id = ? ORDER BY key", r -> Map.entry(r.getString(1), r.getString(2)),
                e -> tags.put(e.getKey(), e.getValue()), resourceId);
        return tags;
    }

    @Override
    public void replaceTags(String resourceId, Map<String, String> tags, String by, Instant now) {
        sql.one("SELECT id FROM resource WHERE id = ? FOR UPDATE", r -> r.getString(1), resourceId);
        sql.update("DELETE FROM resource_tag WHERE resource_id = ?", resourceId);
        sql.batch("INSERT INTO resource_tag (resource_id, key, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)",
                tags.entrySet().stream().map(e -> new Object[] {resourceId, e.getKey(), e.getValue(), now, by}).toList());
    }

    private static Resource resource(ResultSet r) throws SQLException {
        return new Resource(r.getString(1), r.getString(2), r.getString(3), r.getString(4), ResourceStatus.valueOf(r.getString(5)), r.getString(6));
    }
}
