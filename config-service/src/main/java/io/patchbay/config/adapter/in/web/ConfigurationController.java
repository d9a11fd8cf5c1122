package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.config.application.port.in.ChangeAccessCommand;
import io.patchbay.config.application.port.in.ConfigurationListing;
import io.patchbay.config.application.port.in.ConfigurationsUseCase;
import io.patchbay.config.application.port.in.InstallCommand;
import io.patchbay.config.application.port.in.ListConfigurationsQuery;
import io.patchbay.config.application.port.in.TransferCommand;
import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.JsonBody;
import io.patchbay.kernel.infra.web.request.Limit;
import io.patchbay.kernel.infra.web.request.PageCursors;
import io.patchbay.kernel.paging.CursorCodec;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/v1/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Integration configurations")
public class ConfigurationController {
    static final String NEXT_HEADER = "X-Next-Until";
    private static final Limit LIMIT = new Limit(1000, 1000);
    /** A filter value @vercel/sdk may send; no Patchbay configuration has it, so the answer is an empty list. */
    private static final String PROVISIONING = "provisioning";

    private final ConfigurationsUseCase configurations;
    private final CursorCodec cursors;

    public ConfigurationController(ConfigurationsUseCase configurations, CursorCodec cursors) {
        this.configurations = configurations;
        this.cursors = cursors;
    }

    @Get("/configuration/{id}")
    @Operation(summary = "Retrieve an integration configuration")
    public ConfigurationResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestBean TeamParams team) {
        return WireMapper.configuration(configurations.get(caller, team.selector(), IdKinds.CONFIGURATION.check(id, "id")), null);
    }

    @Get("/configurations")
    @Operation(summary = "List the acting user's or team's configurations (bare array, newest first; X-Next-Until when more)")
    public HttpResponse<List<ConfigurationResponse>> list(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue String view,
                                                          @Nullable @QueryValue String installationType,
                                                          @Nullable @QueryValue String integrationIdOrSlug, @Nullable @QueryValue String limit,
                                                          @Nullable @QueryValue String until, @RequestBean TeamParams team) {
        if (view == null || view.isBlank()) {
            throw Problems.validation("view", "is required: account or project");
        }
        if (!view.equals("account") && !view.equals("project")) {
            throw Problems.validation("view", "must be account or project, was '" + view + "'");
        }
        boolean projectView = view.equals("project");
        boolean provisioning = PROVISIONING.equals(installationType);
        InstallationType type = installationType == null || provisioning ? null
                : PublishedNames.NAMES.fromRequest(InstallationType.class, installationType, "installationType");
        String appFilter = integrationIdOrSlug == null ? null : IdKinds.APP_ID_OR_SLUG.check(integrationIdOrSlug, "integrationIdOrSlug");
        PageKey after = PageCursors.decode(cursors, until, "until", 2, parts -> new PageKey(Long.parseLong(parts.get(0)), parts.get(1)));
        ConfigurationListing listing = configurations.list(new ListConfigurationsQuery(caller, team.selector(),
                projectView, type, provisioning, appFilter, LIMIT.parse(limit), after));
        List<ConfigurationResponse> body = listing.items().stream()
                .map(c -> WireMapper.configuration(c, projectView ? listing.apps().get(c.integrationId()) : null))
                .toList();
        MutableHttpResponse<List<ConfigurationResponse>> response = HttpResponse.ok(body);
        listing.next().ifPresent(k -> response.header(NEXT_HEADER, cursors.encode(List.of(Long.toString(k.createdAt()), k.id()))));
        return response;
    }

    @Post("/configurations")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Install an app for the acting user or team")
    public ConfigurationResponse create(@Parameter(hidden = true) Caller caller, @Valid @Body CreateConfigurationRequest body,
                                        @RequestBean TeamParams team) {
        InstallCommand command = new InstallCommand(caller, team.selector(),
                IdKinds.APP_ID_OR_SLUG.check(body.integrationIdOrSlug(), "integrationIdOrSlug"),
                body.scopes(),
                PublishedNames.NAMES.fromRequestOrNull(ProjectSelection.class, body.projectSelection(), "projectSelection"),
                body.projects(),
                PublishedNames.NAMES.fromRequestOrNull(Source.class, body.source(), "source"));
        return WireMapper.configuration(configurations.install(command), null);
    }

    @Patch("/configuration/{id}")
    @Operation(summary = "Change a configuration's scopes and project access")
    public ConfigurationResponse update(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Body JsonNode json, @RequestBean TeamParams team) {
        JsonBody body = JsonBody.of(json).allowOnly("scopes", "projectSelection", "projects");
        ChangeAccessCommand command = new ChangeAccessCommand(caller, team.selector(), IdKinds.CONFIGURATION.check(id, "id"),
                body.strings("scopes").orElse(null),
                body.parsed("projectSelection", (v, f) -> PublishedNames.NAMES.fromRequest(ProjectSelection.class, v, f)).orElse(null),
                body.strings("projects").orElse(null), body.has("projects"));
        return WireMapper.configuration(configurations.changeAccess(command), null);
    }

    @Delete("/configuration/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a configuration (marketplace installs wait for the partner to finalize)")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestBean TeamParams team) {
        configurations.delete(caller, team.selector(), IdKinds.CONFIGURATION.check(id, "id"));
    }

    @Post("/configuration/{id}/disable")
    @Operation(summary = "Disable a configuration (disabled-by-owner or, for admins, disabled-by-admin)")
    public ConfigurationResponse disable(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                         @Nullable @Valid @Body DisableConfigurationRequest body, @RequestBean TeamParams team) {
        DisableReason reason = body == null ? null : PublishedNames.NAMES.fromRequestOrNull(DisableReason.class, body.reason(), "reason");
        return WireMapper.configuration(configurations.disable(caller, team.selector(), IdKinds.CONFIGURATION.check(id, "id"),
                reason), null);
    }

    @Post("/configuration/{id}/enable")
    @Operation(summary = "Enable a disabled configuration")
    public ConfigurationResponse enable(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestBean TeamParams team) {
        return WireMapper.configuration(configurations.enable(caller, team.selector(), IdKinds.CONFIGURATION.check(id, "id")),
                null);
    }

    @Post("/configuration/{id}/transfer")
    @Operation(summary = "Transfer a configuration to another acting user, optionally into another team")
    public ConfigurationResponse transfer(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                          @Valid @Body TransferConfigurationRequest body, @RequestBean TeamParams team) {
        String toUser = IdKinds.USER.check(body.userId(), "userId");
        String toTeam = IdKinds.TEAM.optional(body.teamId(), "teamId");
        return WireMapper.configuration(configurations.transfer(new TransferCommand(caller, team.selector(),
                IdKinds.CONFIGURATION.check(id, "id"), toUser, toTeam)), null);
    }
}
