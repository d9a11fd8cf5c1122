package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.application.PublishedNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import io.patchbay.catalog.application.port.in.InventoryUseCase;
import io.patchbay.catalog.application.port.in.OffsetPage;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;

import java.util.function.Supplier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Apono's v3 resources, permissions and resource user tags. */
@Controller("/api/v3/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Resources")
public class InventoryController {
    private static final String TEAM = "X-Team-Id";

    private final InventoryUseCase inventory;

    public InventoryController(InventoryUseCase inventory) {
        this.inventory = inventory;
    }

    @Get("/{id}/resources")
    @Operation(summary = "get integration resources for the entire tenant", operationId = "getIntegrationResources")
    public JsonNode resources(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @QueryValue("resource-type") String resourceType,
                              @Nullable @QueryValue String limit, @Nullable @QueryValue String offset, @Nullable @Header(TEAM) String team) {
        String checked = IdKinds.INTEGRATION.check(id, "id");
        OffsetPage<Resource> page = resourceTypeNamed(() -> inventory.resources(caller, IdKinds.team(team), checked, blankToNull(resourceType),
                IdKinds.LIMIT.parse(limit), QueryParams.offset(offset)));
        return WireMapper.offsetPage(page.items().stream().map(r -> WireMapper.obj().put("id", r.id()).put("name", r.name()).put("type", r.type())
                .put("status", WireMapper.obj().put("status", PublishedNames.NAMES.name(r.status())).put("message", r.message())).node()).toList(), page.total(), page.limit(),
                page.offset());
    }

    @Get("/{id}/permissions")
    @Operation(summary = "get integration permissions for the entire tenant", operationId = "getIntegrationPermissions")
    public JsonNode permissions(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @QueryValue("resource-type") String resourceType,
                                @Nullable @QueryValue String limit, @Nullable @QueryValue String offset, @Nullable @Header(TEAM) String team) {
        String checked = IdKinds.INTEGRATION.check(id, "id");
        OffsetPage<Permission> page = resourceTypeNamed(() -> inventory.permissions(caller, IdKinds.team(team), checked, blankToNull(resourceType),
                IdKinds.LIMIT.parse(limit), QueryParams.offset(offset)));
        return WireMapper.offsetPage(page.items().stream().map(p -> WireMapper.obj().put("id", p.id()).put("name", p.name())
                .put("resource_type", p.resourceType()).node()).toList(), page.total(), page.limit(), page.offset());
    }

    @Get("/resources/{resource_id}/user-tags")
    @Operation(summary = "get user tags of a resource", operationId = "getResourceUserTags")
    public JsonNode tags(@Parameter(hidden = true) Caller caller, @PathVariable("resource_id") String resourceId, @Nullable @Header(TEAM) String team) {
        String id = IdKinds.RESOURCE.check(resourceId, "resource_id");
        return WireMapper.obj().put("resource_id", id).put("tags", inventory.tags(caller, IdKinds.team(team), id)).node();
    }

    @Put("/resources/{resource_id}/user-tags")
    @Operation(summary = "update user tags of a resource (replaces them)", operationId = "updateResourceUserTags")
    public JsonNode updateTags(@Parameter(hidden = true) Caller caller, @PathVariable("resource_id") String resourceId,
                               @Valid @Body UpdateResourceTagsRequest body, @Nullable @Header(TEAM) String team) {
        String id = IdKinds.RESOURCE.check(resourceId, "resource_id");
        inventory.replaceTags(caller, IdKinds.team(team), id, body.tags());
        return WireMapper.message("user tags of resource " + id + " updated");
    }

    /** Runs a use case; an invalid resource type is named as the query parameter callers sent ({@code resource-type}). */
    private static <T> T resourceTypeNamed(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException.InvalidValue e) {
            throw new DomainException.InvalidValue(e.violations().stream().map(v -> new Violation(
                    v.attribute().equals(InventoryUseCase.RESOURCE_TYPE) ? "resource-type" : v.attribute(), v.reason())).toList());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
