package io.patchbay.environment.adapter.in.web;

import io.micronaut.http.annotation.Body;
import io.patchbay.environment.application.port.in.UpdateTeamCommand;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.environment.application.port.in.TeamsUseCase;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.web.request.QueryParams;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Team profiles, embedded in integrations. */
@Controller("/team")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Teams")
public class TeamController {
    private final TeamsUseCase teams;

    public TeamController(TeamsUseCase teams) {
        this.teams = teams;
    }

    @Get("/{id}")
    @Operation(summary = "A team's profile (members)")
    public TeamResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return WireMapper.team(teams.get(caller, IdKinds.TEAM.check(id, "id")));
    }

    @Put("/{id}")
    @Operation(summary = "Create or update a team's profile (team OWNER or admin; is_verified: admin only)")
    public TeamResponse put(@Parameter(hidden = true) Caller caller, @PathVariable String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = Requests.Team.class))) @Body JsonNode json) {
        JsonBody body = JsonBody.of(json).allowOnly("id", "name", "domain", "logo", "is_verified", "is_white_label", "tos_link",
                "allow_impersonation", "created_at", "updated_at");
        String teamId = IdKinds.TEAM.check(id, "id");
        body.string("id").filter(bodyId -> !bodyId.equals(teamId)).ifPresent(bodyId -> {
            throw Problems.validation("id", "must be the team id of the path (" + teamId + ") when given");
        });
        body.string("created_at");
        body.string("updated_at");
        return WireMapper.team(teams.put(caller, teamId, new UpdateTeamCommand(
                QueryParams.text(body.string("name").orElse(null), "name", 200),
                QueryParams.text(body.string("domain").orElse(null), "domain", 255),
                QueryParams.text(body.string("logo").orElse(null), "logo", 2048),
                body.bool("is_verified").orElse(null), body.bool("is_white_label").orElse(null),
                QueryParams.text(body.string("tos_link").orElse(null), "tos_link", 2048), body.bool("allow_impersonation").orElse(null))));
    }
}
