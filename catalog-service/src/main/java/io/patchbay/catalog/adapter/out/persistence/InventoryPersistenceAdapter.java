package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.PublishedNames;
import io.patchbay.catalog.application.port.out.InventoryStore;
import io.patchbay.catalog.domain.DiscoveredResource;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.catalog.domain.ResourceStatus;
import io.patchbay.kernel.id.Ids;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resources (upserted by discovery in chunks of set-based statements; missing ones swept to Deleted), permissions and user tags. */
@Singleton
class InventoryPersistenceAdapter implements InventoryStore {
    private static final int CHUNK = 1000;

    private final ResourceRepository resources;
    private final PermissionRepository permissions;
    private final ResourceTagRepository tags;

    InventoryPersistenceAdapter(ResourceRepository resources, PermissionRepository permissions, ResourceTagRepository tags) {
        this.resources = resources;
        this.permissions = permissions;
        this.tags = tags;
    }

    @Override
    public void applyDiscovery(String integrationId, long jobId, DiscoveryResult result, Set<String> sweep, Instant now) {
        // one INSERT … ON CONFLICT DO UPDATE may touch a row only once: a key found twice is applied once, as found last
        Map<String, DiscoveredResource> byKey = new LinkedHashMap<>();
        result.resources().forEach(r -> byKey.put(r.key(), r));
        List<DiscoveredResource> found = List.copyOf(byKey.values());
        for (int from = 0; from < found.size(); from += CHUNK) {
            List<DiscoveredResource> chunk = found.subList(from, Math.min(found.size(), from + CHUNK));
            String[] ids = new String[chunk.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Ids.prefixed(Resource.ID_PREFIX, 24);
            }
            resources.upsert(integrationId, jobId, now, ids, chunk.stream().map(DiscoveredResource::key).toArray(String[]::new),
                    chunk.stream().map(DiscoveredResource::name).toArray(String[]::new),
                    chunk.stream().map(DiscoveredResource::type).toArray(String[]::new));
        }
        if (!sweep.isEmpty()) {
            resources.markMissingDeleted(integrationId, sweep.toArray(String[]::new), jobId,
                    "no longer found in the source (discovery of " + now + ")", now);
        }
        permissions.deleteByPkIntegrationId(integrationId);
        if (!result.permissions().isEmpty()) {
            permissions.insertAll(integrationId, result.permissions().stream().map(Permission::id).toArray(String[]::new),
                    result.permissions().stream().map(Permission::name).toArray(String[]::new),
                    result.permissions().stream().map(Permission::resourceType).toArray(String[]::new));
        }
    }

    @Override
    public List<Resource> resources(String integrationId, String resourceType, int limit, int offset) {
        return resources.page(integrationId, resourceType, limit, offset).stream().map(InventoryPersistenceAdapter::resource).toList();
    }

    @Override
    public long countResources(String integrationId, String resourceType) {
        return resourceType == null ? resources.countByIntegrationId(integrationId)
                : resources.countByIntegrationIdAndType(integrationId, resourceType);
    }

    @Override
    public List<Permission> permissions(String integrationId, String resourceType, int limit, int offset) {
        return permissions.page(integrationId, resourceType, limit, offset).stream()
                .map(p -> new Permission(p.pk().id(), p.name(), p.resourceType())).toList();
    }

    @Override
    public long countPermissions(String integrationId, String resourceType) {
        return resourceType == null ? permissions.countByPkIntegrationId(integrationId)
                : permissions.countByPkIntegrationIdAndResourceType(integrationId, resourceType);
    }

    @Override
    public Optional<Resource> resource(String resourceId) {
        return resources.findById(resourceId).map(InventoryPersistenceAdapter::resource);
    }

    @Override
    public Map<String, String> tags(String resourceId) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.findByPkResourceIdOrderByPkKey(resourceId).forEach(t -> out.put(t.pk().key(), t.value()));
        return out;
    }

    @Override
    public void replaceTags(String resourceId, Map<String, String> replacement, String by, Instant now) {
        resources.findByIdForUpdate(resourceId);
        tags.deleteByPkResourceId(resourceId);
        if (!replacement.isEmpty()) {
            tags.saveAll(replacement.entrySet().stream()
                    .map(e -> new ResourceTagRow(new ResourceTagRow.Pk(resourceId, e.getKey()), e.getValue(), now, by)).toList());
        }
    }

    private static Resource resource(ResourceRow r) {
        return new Resource(r.id(), r.integrationId(), r.name(), r.type(), PublishedNames.NAMES.fromStored(ResourceStatus.class, r.status(), "resource.status"), r.message());
    }
}
