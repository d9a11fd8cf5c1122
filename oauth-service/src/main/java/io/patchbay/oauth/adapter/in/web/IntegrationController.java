package io.patchbay.oauth.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.JsonBody;
import io.patchbay.kernel.infra.web.request.NamedTeams;
import io.patchbay.oauth.application.port.in.CreateIntegrationCommand;
import io.patchbay.oauth.application.port.in.IntegrationsUseCase;
import io.patchbay.oauth.application.port.in.UpdateIntegrationCommand;
import io.patchbay.oauth.application.port.in.VerifyIntegrationUseCase;
import io.patchbay.oauth.domain.ConfigInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Controller("/__api__/v1/oauth/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth integrations")
public class IntegrationController {
    static final String TEAM_HEADER = NamedTeams.HEADER;

    private final IntegrationsUseCase integrations;
    private final VerifyIntegrationUseCase verifier;

    public IntegrationController(IntegrationsUseCase integrations, VerifyIntegrationUseCase verifier) {
        this.integrations = integrations;
        this.verifier = verifier;
    }

    @Get
    @Operation(summary = "List the acting team's OAuth integrations (administrators and publishers; a bare array)")
    public List<IntegrationResponse> list(@Parameter(hidden = true) Caller caller, @Nullable @Header(TEAM_HEADER) String team) {
        return integrations.list(caller, IdKinds.team(team)).stream().map(WireMapper::integration).toList();
    }

    @Post
    @Operation(summary = "Create an OAuth integration from a template (administrators; answers 200 like Posit)")
    public IntegrationResponse create(@Parameter(hidden = true) Caller caller, @Valid @Body CreateIntegrationRequest body,
                                      @Nullable @Header(TEAM_HEADER) String team) {
        return WireMapper.integration(integrations.create(new CreateIntegrationCommand(caller, IdKinds.team(team), body.name(),
                body.description(), body.template(), config(body.config()), body.configurationId())));
    }

    @Get("/{guid}")
    @Operation(summary = "Get an OAuth integration (administrators and publishers)")
    public IntegrationResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String guid, @Nullable @Header(TEAM_HEADER) String team) {
        return WireMapper.integration(integrations.get(caller, IdKinds.team(team), IdKinds.guid(guid, "guid")));
    }

    @Patch("/{guid}")
    @Operation(summary = "Change name, description or config (partial: given keys replace, null removes; administrators)")
    public IntegrationResponse update(@Parameter(hidden = true) Caller caller, @PathVariable String guid, @Body JsonNode json, @Nullable @Header(TEAM_HEADER) String team) {
        var id = IdKinds.guid(guid, "guid");
        JsonBody body = JsonBody.of(json).allowOnly("name", "description", "config");
        String name = body.string("name").orElse(null);
        String description = body.string("description").orElse(null);
        return WireMapper.integration(integrations.update(new UpdateIntegrationCommand(caller, IdKinds.team(team), id, body.has("name"), name,
                body.has("description"), description, config(json.get("config")))));
    }

    @Delete("/{guid}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an OAuth integration with its associations and sessions (administrators)")
    public void delete(@Parameter(hidden = true) Caller caller, @PathVariable String guid, @Nullable @Header(TEAM_HEADER) String team) {
        integrations.delete(caller, IdKinds.team(team), IdKinds.guid(guid, "guid"));
    }

    @Post("/{guid}/verify")
    @Operation(summary = "Verify a Service Account integration with a real client-credentials request (administrators); the token is never returned")
    public VerifyResponse verify(@Parameter(hidden = true) Caller caller, @PathVariable String guid, @Nullable @Header(TEAM_HEADER) String team) {
        return WireMapper.verification(verifier.verify(caller, IdKinds.team(team), IdKinds.guid(guid, "guid")));
    }

    @Get("/{guid}/associations")
    @Operation(summary = "The content associated with an OAuth integration (administrators)")
    public List<AssociationResponse> associations(@Parameter(hidden = true) Caller caller, @PathVariable String guid, @Nullable @Header(TEAM_HEADER) String team) {
        return integrations.associations(caller, IdKinds.team(team), IdKinds.guid(guid, "guid")).stream().map(WireMapper::association).toList();
    }

    /** The config object (absent or null: empty): strings, booleans and nulls as they are; other JSON types as markers the validator reports. */
    private static Map<String, Object> config(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw Problems.validation("config", "must be an object");
        }
        for (var entry : node.entries()) {
            JsonNode v = entry.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isString()) {
                value = v.getStringValue();
            } else if (v.isBoolean()) {
                value = v.getBooleanValue();
            } else {
                value = new ConfigInput(v.isNumber() ? "number" : v.isArray() ? "array" : "object");
            }
            out.put(entry.getKey(), value);
        }
        return out;
    }
}
