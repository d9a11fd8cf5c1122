package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.config.application.port.in.MembershipUseCase;
import io.patchbay.config.domain.Plan;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.Arrays;

/** Membership records fed by the identity system; they drive the automatic disables. */
@Controller("/v1/teams")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Teams")
public class TeamController {
    private final MembershipUseCase memberships;

    public TeamController(MembershipUseCase memberships) {
        this.memberships = memberships;
    }

    @Put("/{teamId}")
    @Operation(summary = "Create or update a team's slug and plan; a lower plan disables configurations of apps it no longer allows")
    public TeamResponses.TeamResponse putTeam(@Parameter(hidden = true) Caller caller, @PathVariable String teamId,
                                              @Valid @Body PutTeamRequest body) {
        return WireMapper.team(memberships.putTeam(caller, IdKinds.TEAM.check(teamId, "teamId"), body.slug(),
                PublishedNames.NAMES.fromRequestOrNull(Plan.class, body.plan(), "plan")));
    }

    @Put("/{teamId}/members/{userId}")
    @Operation(summary = "Create or update a member; dropping from a manager role disables the configurations they act for")
    public TeamResponses.MemberResponse putMember(@Parameter(hidden = true) Caller caller, @PathVariable String teamId, @PathVariable String userId,
                                                  @Valid @Body PutMemberRequest body) {
        String roleValue = body.role();
        TeamRole role = TeamRole.parse(roleValue).filter(r -> r.name().equals(roleValue)).orElseThrow(() -> Problems.validation("role",
                "must be one of " + Arrays.toString(TeamRole.values()) + ", was '" + roleValue + "'"));
        return WireMapper.member(memberships.putMember(caller, IdKinds.TEAM.check(teamId, "teamId"), IdKinds.USER.check(userId, "userId"), role));
    }

    @Delete("/{teamId}/members/{userId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member; the configurations they act for in the team are disabled")
    public void removeMember(@Parameter(hidden = true) Caller caller, @PathVariable String teamId, @PathVariable String userId) {
        memberships.removeMember(caller, IdKinds.TEAM.check(teamId, "teamId"), IdKinds.USER.check(userId, "userId"));
    }
}
