package io.patchbay.environment.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.patchbay.environment.application.port.in.UpdateInstallCommand;
import io.patchbay.environment.application.port.in.InstallCommand;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.patchbay.environment.application.port.in.EnvironmentIntegrationsUseCase;
import io.patchbay.environment.application.port.in.InstallView;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore.InstallFilter;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.id.ConfigurationId;
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

/** Truto's environment integrations (seeds 001 and 002), plus the effective config, merge-patch override edits and approvals. */
@Controller("/environment-integration")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Environment integrations")
public class EnvironmentIntegrationController {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final EnvironmentIntegrationsUseCase installs;
    private final CursorCodec cursors;

    public EnvironmentIntegrationController(EnvironmentIntegrationsUseCase installs, CursorCodec cursors) {
        this.installs = installs;
        this.cursors = cursors;
    }

    @Get
    @Operation(summary = "List environment integrations (newest first; filters integration_id, environment_id, show_in_catalog, "
            + "is_enabled, integration.name, integration.category; limit 1-100, next_cursor)")
    public ListResponse<EnvironmentIntegrationResponse> list(
            @Parameter(hidden = true) Caller caller, HttpRequest<?> request, @Parameter(schema = @Schema(type = "string",
            format = "uuid")) @Nullable @QueryValue("integration_id") String integrationId,
            @Parameter(schema = @Schema(type = "string",
            format = "uuid")) @Nullable @QueryValue("environment_id") String environmentId,
            @Parameter(schema = @Schema(type = "boolean")) @Nullable @QueryValue("show_in_catalog") String showInCatalog,
            @Parameter(schema = @Schema(type = "boolean")) @Nullable @QueryValue("is_enabled") String isEnabled,
            @Nullable @QueryValue("integration.name") String integrationName,
            @Nullable @QueryValue("integration.category") String integrationCategory, @Parameter(schema = @Schema(type = "integer",
            minimum = "1", maximum = "100", defaultValue = "25")) @Nullable @QueryValue String limit,
            @Nullable @QueryValue("next_cursor") String nextCursor) {
        QueryParams.onlyKnown(request.getParameters(), "integration_id", "environment_id", "show_in_catalog", "is_enabled", "integration.name",
                "integration.category", "limit", "next_cursor");
        InstallFilter filter = new InstallFilter(IdKinds.optionalUuid(integrationId, "integration_id"),
                IdKinds.optionalUuid(environmentId, "environment_id"), QueryParams.bool(showInCatalog, "show_in_catalog"),
                QueryParams.bool(isEnabled, "is_enabled"), QueryParams.storable(integrationName, "integration.name"),
                QueryParams.storable(integrationCategory, "integration.category"));
        Page<InstallView> listing = installs.list(caller, filter, IdKinds.LIMIT.parse(limit), IdKinds.cursor(cursors, nextCursor));
        return WireMapper.list(listing, WireMapper::install, cursors);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Install an integration into an environment (201; 409 when already installed there)")
    public HttpResponse<EnvironmentIntegrationResponse> install(@Parameter(hidden = true) Caller caller,
            @Valid @Body InstallIntegrationRequest body) {
        UUID integrationId = IdKinds.uuid(body.integrationId(), "integration_id");
        UUID environmentId = IdKinds.optionalUuid(body.environmentId(), "environment_id");
        Map<String, Object> override = BodyTrees.optionalObject(body.override(), "override");
        ConfigurationId configurationId = IdKinds.optionalConfiguration(body.configurationId(), "configuration_id");
        InstallView view = installs.install(caller, new InstallCommand(integrationId, environmentId, body.isEnabled(),
                body.showInCatalog(), override, configurationId));
        return withEtag(HttpResponse.status(HttpStatus.CREATED), view);
    }

    @Get("/{id}")
    @Operation(summary = "Get an environment integration (ETag for If-Match)")
    public HttpResponse<EnvironmentIntegrationResponse> get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return withEtag(HttpResponse.ok(), installs.get(caller, IdKinds.uuid(id, "id")));
    }

    @Patch("/{id}")
    @Operation(summary = "Update show_in_catalog, is_enabled, override (the override is replaced as a whole; honours If-Match)")
    public HttpResponse<EnvironmentIntegrationResponse> update(@Parameter(hidden = true) Caller caller, @PathVariable String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = Requests.InstallPatch.class))) @Body JsonNode json,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID uuid = IdKinds.uuid(id, "id");
        JsonBody body = JsonBody.of(json).allowOnly("show_in_catalog", "is_enabled", "override");
        Boolean show = body.bool("show_in_catalog").orElse(null);
        Boolean enabled = body.bool("is_enabled").orElse(null);
        Map<String, Object> override = BodyTrees.object(json, "override", Map.of());
        return withEtag(HttpResponse.ok(), installs.patch(caller, uuid, new UpdateInstallCommand(show, enabled,
                override, ifMatch)));
    }

    @Patch(value = "/{id}/override", consumes = MERGE_PATCH)
    @Operation(summary = "Edit the stored override in place with an RFC 7396 merge patch (application/merge-patch+json; honours If-Match)")
    public HttpResponse<EnvironmentIntegrationResponse> mergeOverride(@Parameter(hidden = true) Caller caller,
            @PathVariable String id, @RequestBody(description = "an RFC 7396 merge patch of the stored override",
            content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = "object"))) @Body JsonNode json,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID uuid = IdKinds.uuid(id, "id");
        Map<String, Object> patch = BodyTrees.object(json, "body");
        return withEtag(HttpResponse.ok(), installs.mergeOverride(caller, uuid, patch, ifMatch));
    }

    @Delete("/{id}")
    @Operation(summary = "Uninstall")
    public IdResponse uninstall(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        UUID uuid = IdKinds.uuid(id, "id");
        installs.uninstall(caller, uuid);
        return new IdResponse(uuid.toString());
    }

    @Get("/{id}/config")
    @Operation(summary = "The effective config: the integration's config with the override deep-merged over it (secrets masked)")
    public JsonNode effectiveConfig(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return WireMapper.config(installs.effectiveConfig(caller, IdKinds.uuid(id, "id")));
    }

    @Post("/{id}/approve")
    @Operation(summary = "The integration's team approves a pending_approval install")
    public HttpResponse<EnvironmentIntegrationResponse> approve(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return withEtag(HttpResponse.ok(), installs.approve(caller, IdKinds.uuid(id, "id")));
    }

    @Post("/{id}/reject")
    @Operation(summary = "The integration's team rejects a pending_approval install (it is deleted)")
    public IdResponse reject(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        UUID uuid = IdKinds.uuid(id, "id");
        installs.reject(caller, uuid);
        return new IdResponse(uuid.toString());
    }

    private static HttpResponse<EnvironmentIntegrationResponse> withEtag(
            io.micronaut.http.MutableHttpResponse<EnvironmentIntegrationResponse> response, InstallView view) {
        return response.header(HttpHeaders.ETAG, view.install().etag()).body(WireMapper.install(view));
    }
}
