package io.patchbay.oauth.application;

import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.PositRole;

import java.util.Optional;

/**
 * Who may do what (the spec's role table): the acting team is the named team (X-Team-Id, checked for shape at the edge),
 * else the caller's only team; Posit's role is mapped from the caller's role there. An integration of a team the caller is
 * not in is 404, never 403. A null {@link NamedTeam} names no team, as {@link NamedTeam#NONE} does.
 */
final class Access {
    static final String TEAM_HEADER = "X-Team-Id";

    private Access() {
    }

    private static NamedTeam orNone(NamedTeam team) {
        return team == null ? NamedTeam.NONE : team;
    }

    /** The acting team; empty only for a platform admin who names none (then: every team). */
    static Optional<String> actingTeamOrAll(Caller caller, NamedTeam team) {
        Optional<String> acting = ActingTeam.resolve(caller, orNone(team));
        if (acting.isEmpty() && !caller.isAdmin()) {
            ActingTeam.require(caller, orNone(team), TEAM_HEADER);
        }
        return acting;
    }

    static String actingTeam(Caller caller, NamedTeam team) {
        return ActingTeam.require(caller, orNone(team), TEAM_HEADER);
    }

    /** Whether the request names a team at all (else the caller's only team, or every team for an admin, acts). */
    static boolean namesATeam(NamedTeam team) {
        return !orNone(team).isNone();
    }

    static PositRole roleIn(Caller caller, String teamId) {
        return PositRole.of(caller, teamId).orElseThrow(() -> new DomainException.NotPermitted("you are not a member of team " + teamId));
    }

    /** The caller's role on a visible integration; invisible (other team, or another team named) is 404. */
    static PositRole roleOn(Caller caller, NamedTeam team, OAuthIntegration integration) {
        if (namesATeam(team)) {
            String named = ActingTeam.resolve(caller, team).orElseThrow();
            if (!named.equals(integration.teamId())) {
                throw notFound(integration);
            }
        }
        return PositRole.of(caller, integration.teamId()).orElseThrow(() -> notFound(integration));
    }

    static DomainException.NotFound notFound(Object guid) {
        return new DomainException.NotFound("OAuth integration " + (guid instanceof OAuthIntegration i ? i.guid() : guid));
    }

    static PositRole requireReader(PositRole role) {
        if (!role.mayReadIntegrations()) {
            throw new DomainException.NotPermitted("viewers have no access to the OAuth integrations API");
        }
        return role;
    }

    static PositRole requireAdministrator(PositRole role) {
        if (!role.isAdministrator()) {
            throw new DomainException.NotPermitted("only administrators may do this (your role: "
                    + role.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return role;
    }
}
