package io.patchbay.environment.adapter.in.web;

import io.patchbay.environment.application.PublishedNames;
import io.micronaut.core.annotation.Nullable;
import io.patchbay.environment.application.port.in.UpdateIntegrationCommand;
import io.patchbay.environment.application.port.in.CreateIntegrationCommand;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.in.IntegrationView;
import io.patchbay.environment.application.port.in.IntegrationsUseCase;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.infra.web.request.NamedTeams;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.patchbay.kernel.infra.web.JsonBody;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.Map;
import java.util.UUID;

@Controller("/integration")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Integrations")
public class IntegrationController {
    private final IntegrationsUseCase integrations;
    private final CursorCodec cursors;

    public IntegrationController(IntegrationsUseCase integrations, CursorCodec cursors) {
        this.integrations = integrations;
        this.cursors = cursors;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create an integration in the acting team")
    public IntegrationResponse create(@Parameter(hidden = true) Caller caller,
            @Valid @Body CreateIntegrationRequest body, @Nullable @Header(NamedTeams.HEADER) String teamHeader) {
        Map<String, Object> config = BodyTrees.optionalObject(body.config(), "config");
        Sharing sharing = PublishedNames.NAMES.fromRequestOrNull(Sharing.class, body.sharing(), "sharing");
        NamedTeam team = NamedTeams.named(IdKinds.TEAM, body.teamId(), "team_id", teamHeader);
        return WireMapper.integration(integrations.create(caller, new CreateIntegrationCommand(team, body.name(), body.category(),
                Boolean.TRUE.equals(body.isBeta()), config, sharing)));
    }

    @Get
    @Operation(summary = "List integrations (newest first; filters name, category, team_id; limit 1-100, next_cursor)")
    public ListResponse<IntegrationResponse> list(@Parameter(hidden = true) Caller caller, HttpRequest<?> request,
            @Nullable @QueryValue String name, @Nullable @QueryValue String category, @Nullable @QueryValue("team_id") String teamId,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100",
            defaultValue = "25")) @Nullable @QueryValue String limit, @Nullable @QueryValue("next_cursor") String nextCursor) {
        QueryParams.onlyKnown(request.getParameters(), "name", "category", "team_id", "limit", "next_cursor");
        Page<IntegrationView> listing = integrations.list(caller, QueryParams.storable(name, "name"), QueryParams.storable(category, "category"),
                IdKinds.TEAM.optional(teamId, "team_id"), IdKinds.LIMIT.parse(limit), IdKinds.cursor(cursors, nextCursor));
        return WireMapper.list(listing, WireMapper::integration, cursors);
    }

    @Get("/{id}")
    @Operation(summary = "Get an integration")
    public IntegrationResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return WireMapper.integration(integrations.get(caller, IdKinds.uuid(id, "id")));
    }

    @Patch("/{id}")
    @Operation(summary = "Change an integration (a config replaces the stored one; \"********\" keeps a stored secret)")
    public IntegrationResponse update(@Parameter(hidden = true) Caller caller, @PathVariable String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = Requests.IntegrationPatch.class))) @Body JsonNode json) {
        JsonBody body = JsonBody.of(json).allowOnly("name", "category", "is_beta", "config", "sharing");
        UUID uuid = IdKinds.uuid(id, "id");
        return WireMapper.integration(integrations.update(caller, uuid, new UpdateIntegrationCommand(
                body.string("name").orElse(null), body.string("category").orElse(null),
                body.bool("is_beta").orElse(null), BodyTrees.object(json, "config", Map.of()),
                body.parsed("sharing", (v, field) -> PublishedNames.NAMES.fromRequest(Sharing.class, v, field)).orElse(null))));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete an integration (409 while it is installed anywhere)")
    public IdResponse delete(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        UUID uuid = IdKinds.uuid(id, "id");
        integrations.delete(caller, uuid);
        return new IdResponse(uuid.toString());
    }
}
