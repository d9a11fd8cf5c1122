package io.patchbay.oauth.application;

import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.PositRole;

import java.util.Optional;

/**
 * Who may do what (the spec's role table): the acting team is X-Team-Id, else the caller's only team; Posit's role is
 * mapped from the caller's role there. An integration of a team the caller is not in is 404, never 403.
 */
final class Access {
    static final String TEAM_HEADER = "X-Team-Id";

    private Access() {
    }

    /** The acting team; empty only for a platform admin who names none (then: every team). */
    static Optional<String> actingTeamOrAll(Caller caller, String teamHeader) {
        Optional<String> team = ActingTeam.resolve(caller, null, teamHeader);
        if (team.isEmpty() && !caller.isAdmin()) {
            ActingTeam.require(caller, null, teamHeader, TEAM_HEADER);
        }
        return team;
    }

    static String actingTeam(Caller caller, String teamHeader) {
        return ActingTeam.require(caller, null, teamHeader, TEAM_HEADER);
    }

    static PositRole roleIn(Caller caller, String teamId) {
        return PositRole.of(caller, teamId).orElseThrow(() -> Problems.forbidden("you are not a member of team " + teamId));
    }

    /** The caller's role on a visible integration; invisible (other team, or another team named) is 404. */
    static PositRole roleOn(Caller caller, String teamHeader, OAuthIntegration integration) {
        if (teamHeader != null && !teamHeader.isBlank()) {
            String named = ActingTeam.resolve(caller, null, teamHeader).orElseThrow();
            if (!named.equals(integration.teamId())) {
                throw notFound(integration);
            }
        }
        return PositRole.of(caller, integration.teamId()).orElseThrow(() -> notFound(integration));
    }

    static ProblemException notFound(Object guid) {
        return Problems.notFound("OAuth integration " + (guid instanceof OAuthIntegration i ? i.guid() : guid));
    }

    static PositRole requireReader(PositRole role) {
        if (!role.mayReadIntegrations()) {
            throw Problems.forbidden("viewers have no access to the OAuth integrations API");
        }
        return role;
    }

    static PositRole requireAdministrator(PositRole role) {
        if (!role.isAdministrator()) {
            throw Problems.forbidden("only administrators may do this (your role: " + role.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return role;
    }
}
