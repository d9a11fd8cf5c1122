package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.Map;

/** Discovered resources, permissions and user tags of the acting team's integrations. */
public interface InventoryUseCase {
    /** The attribute an invalid resource type filter is reported under. */
    String RESOURCE_TYPE = "resource_type";

    OffsetPage<Resource> resources(Caller caller, NamedTeam team, String integrationId, String resourceType, int limit, int offset);

    OffsetPage<Permission> permissions(Caller caller, NamedTeam team, String integrationId, String resourceType, int limit, int offset);

    Map<String, String> tags(Caller caller, NamedTeam team, String resourceId);

    void replaceTags(Caller caller, NamedTeam team, String resourceId, Map<String, String> tags);
}
