package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.kernel.auth.Caller;

import java.util.Map;

/** Discovered resources, permissions and user tags of the acting team's integrations. */
public interface InventoryUseCase {
    OffsetPage<Resource> resources(Caller caller, String teamHeader, String integrationId, String resourceType, int limit, int offset);

    OffsetPage<Permission> permissions(Caller caller, String teamHeader, String integrationId, String resourceType, int limit, int offset);

    Map<String, String> tags(Caller caller, String teamHeader, String resourceId);

    void replaceTags(Caller caller, String teamHeader, String resourceId, Map<String, String> tags);
}
