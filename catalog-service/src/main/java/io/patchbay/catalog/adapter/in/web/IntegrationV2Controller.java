package io.patchbay.catalog.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import io.patchbay.catalog.application.port.in.IntegrationsUseCase;
import io.patchbay.catalog.application.port.in.OffsetPage;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Apono's legacy v2 integrations API: the same integrations in the v2 shape. */
@Controller("/api/v2/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Integrations (v2)")
public class IntegrationV2Controller {
    private static final String TEAM = "X-Team-Id";

    private final IntegrationsUseCase integrations;
    private final WireMapper wire;
    private final ReplaceBodies replaceBodies;

    public IntegrationV2Controller(IntegrationsUseCase integrations, WireMapper wire, ReplaceBodies replaceBodies) {
        this.integrations = integrations;
        this.wire = wire;
        this.replaceBodies = replaceBodies;
    }

    @Get
    @Operation(summary = "list integrations", operationId = "listIntegrationsV2")
    public JsonNode list(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue String limit, @Nullable @QueryValue String offset,
                         @Nullable @Header(TEAM) String team) {
        OffsetPage<Integration> page = integrations.listByOffset(caller, IdKinds.team(team), IdKinds.LIMIT.parse(limit), QueryParams.offset(offset));
        return WireMapper.offsetPage(page.items().stream().map(wire::v2).toList(), page.total(), page.limit(), page.offset());
    }

    @Post
    @Operation(summary = "create integration", operationId = "createIntegrationV2")
    public JsonNode create(@Parameter(hidden = true) Caller caller, @Valid @Body CreateIntegrationV2Request body, @Nullable @Header(TEAM) String team) {
        IntegrationSpec spec = IntegrationBodies.v2(body, true);
        return wire.v2(WireFields.V2.naming(() -> integrations.create(caller, IdKinds.team(team), spec)));
    }

    @Get("/{id}")
    @Operation(summary = "get integration", operationId = "getIntegrationV2")
    public JsonNode get(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        return wire.v2(integrations.get(caller, IdKinds.team(team), IdKinds.INTEGRATION.check(id, "id")));
    }

    @Put("/{id}")
    @Operation(summary = "update integration", operationId = "updateIntegrationV2")
    public JsonNode update(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                           @RequestBody(content = @Content(schema = @Schema(implementation = UpdateIntegrationV2Request.class)))
                           @Nullable @Body JsonNode body, @Nullable @Header(TEAM) String team) {
        String checked = IdKinds.INTEGRATION.check(id, "id");
        IntegrationSpec spec = replaceBodies.v2(body);
        return wire.v2(WireFields.V2.naming(() -> integrations.replace(caller, IdKinds.team(team), checked, spec)));
    }

    @Delete("/{id}")
    @Operation(summary = "delete integration", operationId = "deleteIntegrationV2")
    public JsonNode delete(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        integrations.delete(caller, IdKinds.team(team), IdKinds.INTEGRATION.check(id, "id"));
        return WireMapper.message("integration " + id + " deleted");
    }

    @Post("/{id}/refresh")
    @Operation(summary = "refresh integration (409 while Refreshing or Disabled)", operationId = "refreshIntegrationV2")
    public JsonNode refresh(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @Header(TEAM) String team) {
        integrations.refresh(caller, IdKinds.team(team), IdKinds.INTEGRATION.check(id, "id"));
        return WireMapper.message("refresh of integration " + id + " started");
    }
}
