package io.patchbay.catalog.application.port.out;

import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Discovered resources and permissions, and user tags. */
public interface InventoryStore {
    /**
     * Upserts what {@code result} found (status Active, stamped with {@code jobId}), marks resources of the
     * {@code resourceTypesToSweep} not seen by this job {@code Deleted}, and replaces the permissions.
     */
    void applyDiscovery(String integrationId, long jobId, DiscoveryResult result, Set<String> resourceTypesToSweep, Instant now);

    List<Resource> resources(String integrationId, String resourceType, int limit, int offset);

    long countResources(String integrationId, String resourceType);

    List<Permission> permissions(String integrationId, String resourceType, int limit, int offset);

    long countPermissions(String integrationId, String resourceType);

    Optional<Resource> resource(String resourceId);

    Map<String, String> tags(String resourceId);

    void replaceTags(String resourceId, Map<String, String> tags, String by, Instant now);
}
