package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.config.application.port.in.AppCommand;
import io.patchbay.config.application.port.in.AppsUseCase;
import io.patchbay.config.application.port.in.CreatedApp;
import io.patchbay.config.domain.Plan;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** The app registry. */
@Controller("/v1/integrations/apps")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Apps")
public class AppController {
    private static final String[] FIELDS = {"slug", "name", "icon", "scopes", "marketplace", "partnerTeamId", "requiredPlan", "available",
        "isLegacy", "webhookUrl"};

    private final AppsUseCase apps;

    public AppController(AppsUseCase apps) {
        this.apps = apps;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Register an app (admin); the answer carries its clientSecret, this once")
    public AppResponse create(@Parameter(hidden = true) Caller caller, @Valid @Body CreateAppRequest body) {
        CreatedApp created = apps.create(new AppCommand(caller, body.slug(), body.name(), body.icon(), body.scopes(), body.marketplace(),
                IdKinds.TEAM.optional(body.partnerTeamId(), "partnerTeamId"), body.partnerTeamId() != null,
                PublishedNames.NAMES.fromRequestOrNull(Plan.class, body.requiredPlan(), "requiredPlan"), body.available(), body.legacy(),
                body.webhookUrl(), body.webhookUrl() != null));
        return WireMapper.app(created.app(), created.clientSecret());
    }

    @Get
    @Operation(summary = "List the app registry")
    public List<AppResponse> list() {
        return apps.list().stream().map(WireMapper::app).toList();
    }

    @Get("/{idOrSlug}")
    @Operation(summary = "Read an app by id or slug")
    public AppResponse get(@PathVariable String idOrSlug) {
        return WireMapper.app(apps.get(IdKinds.APP_ID_OR_SLUG.check(idOrSlug, "idOrSlug")));
    }

    @Patch("/{idOrSlug}")
    @Operation(summary = "Change an app (admin); available=false disables its configurations, true re-enables them")
    public AppResponse update(@Parameter(hidden = true) Caller caller, @PathVariable String idOrSlug, @Body JsonNode json) {
        return WireMapper.app(apps.update(IdKinds.APP_ID_OR_SLUG.check(idOrSlug, "idOrSlug"), command(caller, JsonBody.of(json).allowOnly(FIELDS))));
    }

    @Post("/{idOrSlug}/rotate-secret")
    @Operation(summary = "Replace the app's client secret, which signs its webhook deliveries (admin or partner team manager)")
    public AppResponse rotateSecret(@Parameter(hidden = true) Caller caller, @PathVariable String idOrSlug) {
        CreatedApp rotated = apps.rotateSecret(caller, IdKinds.APP_ID_OR_SLUG.check(idOrSlug, "idOrSlug"));
        return WireMapper.app(rotated.app(), rotated.clientSecret());
    }

    private static AppCommand command(Caller caller, JsonBody body) {
        return new AppCommand(caller, body.string("slug").orElse(null), body.string("name").orElse(null), body.string("icon").orElse(null),
                body.strings("scopes").orElse(null), body.bool("marketplace").orElse(null),
                body.string("partnerTeamId").map(t -> IdKinds.TEAM.check(t, "partnerTeamId")).orElse(null), body.has("partnerTeamId"),
                body.parsed("requiredPlan", (v, f) -> PublishedNames.NAMES.fromRequest(Plan.class, v, f)).orElse(null), body.bool("available").orElse(null),
                body.bool("isLegacy").orElse(null), body.string("webhookUrl").orElse(null), body.has("webhookUrl"));
    }
}
