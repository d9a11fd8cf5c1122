package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.InventoryUseCase;
import io.patchbay.catalog.application.port.in.OffsetPage;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.application.port.out.InventoryStore;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.catalog.domain.Tenant;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;
import io.patchbay.kernel.audit.AuditTrail;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resources, permissions and user tags, visible to every member of the owning team. */
@Singleton
public class InventoryService implements InventoryUseCase {
    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY = 128;
    public static final int MAX_VALUE = 256;

    private final IntegrationStore integrations;
    private final InventoryStore inventory;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final Clock clock;

    public InventoryService(IntegrationStore integrations, InventoryStore inventory, CatalogService catalog, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.integrations = integrations;
        this.inventory = inventory;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public OffsetPage<Resource> resources(Caller caller, NamedTeam team, String integrationId, String resourceType, int limit, int offset) {
        Integration integration = integration(caller, team, integrationId);
        checkType(integration, resourceType);
        return new OffsetPage<>(inventory.resources(integrationId, resourceType, limit, offset),
                inventory.countResources(integrationId, resourceType), limit, offset);
    }

    @Override
    public OffsetPage<Permission> permissions(Caller caller, NamedTeam team, String integrationId, String resourceType, int limit, int offset) {
        Integration integration = integration(caller, team, integrationId);
        checkType(integration, resourceType);
        return new OffsetPage<>(inventory.permissions(integrationId, resourceType, limit, offset),
                inventory.countPermissions(integrationId, resourceType), limit, offset);
    }

    @Override
    public Map<String, String> tags(Caller caller, NamedTeam team, String resourceId) {
        Tenant tenant = Tenants.resolve(caller, team);
        visibleResource(tenant, resourceId);
        return inventory.tags(resourceId);
    }

    @Override
    @Transactional
    public void replaceTags(Caller caller, NamedTeam team, String resourceId, Map<String, String> tags) {
        Tenant tenant = Tenants.resolve(caller, team);
        visibleResource(tenant, resourceId);
        if (!tenant.role().mayEditUserTags()) {
            throw new DomainException.NotPermitted("only the Admin and Power User roles (team OWNER, MEMBER) may edit user tags");
        }
        List<Violation> errors = new ArrayList<>();
        if (tags.size() > MAX_TAGS) {
            errors.add(new Violation("tags", "must have at most " + MAX_TAGS + " tags, has " + tags.size()));
        }
        tags.forEach((k, v) -> {
            if (k.isBlank() || k.length() > MAX_KEY) {
                errors.add(new Violation("tags", "key '" + (k.length() > 40 ? k.substring(0, 40) + "…" : k) + "' must be 1 to " + MAX_KEY + " characters"));
            }
            if (v.length() > MAX_VALUE) {
                errors.add(new Violation("tags." + k, "must be at most " + MAX_VALUE + " characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidValue(errors);
        }
        Map<String, String> before = inventory.tags(resourceId);
        inventory.replaceTags(resourceId, tags, tenant.userId(), clock.instant());
        audit.record(CatalogAudit.tags(tenant.teamId(), resourceId, before, tags));
    }

    private Integration integration(Caller caller, NamedTeam team, String id) {
        Tenant tenant = Tenants.resolve(caller, team);
        return integrations.find(id).filter(i -> i.teamId().equals(tenant.teamId()))
                .orElseThrow(() -> new DomainException.NotFound("integration " + id));
    }

    private void checkType(Integration integration, String resourceType) {
        if (resourceType == null) {
            return;
        }
        List<String> known = catalog.find(integration.type()).map(CatalogType::resourceTypeIds).orElse(List.of());
        if (!known.contains(resourceType)) {
            throw new DomainException.InvalidValue(RESOURCE_TYPE, "'" + resourceType + "' is not a resource type of " + integration.type()
                    + " (known: " + String.join(", ", known) + ")");
        }
    }

    private void visibleResource(Tenant tenant, String resourceId) {
        Resource resource = inventory.resource(resourceId).orElseThrow(() -> new DomainException.NotFound("resource " + resourceId));
        integrations.find(resource.integrationId()).filter(i -> i.teamId().equals(tenant.teamId()))
                .orElseThrow(() -> new DomainException.NotFound("resource " + resourceId));
    }
}
