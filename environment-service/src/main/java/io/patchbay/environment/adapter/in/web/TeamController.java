package io.patchbay.environment.adapter.in.web;

import io.micronaut.http.annotation.Body;
import io.patchbay.environment.application.port.in.UpdateTeamCommand;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.environment.application.port.in.TeamsUseCase;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

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
            @Valid @Body UpdateTeamRequest body) {
        String teamId = IdKinds.TEAM.check(id, "id");
        if (body.id() != null && !body.id().equals(teamId)) {
            throw Problems.validation("id", "must be the team id of the path (" + teamId + ") when given");
        }
        return WireMapper.team(teams.put(caller, teamId, new UpdateTeamCommand(body.name(), body.domain(), body.logo(),
                body.isVerified(), body.isWhiteLabel(), body.tosLink(), body.allowImpersonation())));
    }
}
