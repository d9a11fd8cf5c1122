package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.UpdateTeamCommand;
import io.patchbay.environment.application.port.in.TeamsUseCase;
import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamRole;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;

@Singleton
public class TeamService implements TeamsUseCase {
    private final TeamStore teams;
    private final AuditTrail audit;
    private final Clock clock;

    public TeamService(TeamStore teams, AuditTrail audit, Clock clock) {
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public TeamProfile get(Caller caller, String teamId) {
        if (!Access.readsTeam(caller, teamId)) {
            throw new DomainException.NotFound("team " + teamId);
        }
        return teams.find(teamId).orElseGet(() -> TeamProfile.blank(teamId, clock.millis(), caller.userId()));
    }

    @Override
    @Transactional
    public TeamProfile put(Caller caller, String teamId, UpdateTeamCommand c) {
        Access.requireUnscoped(caller);
        if (!caller.isAdmin() && caller.roleIn(teamId).filter(r -> r == TeamRole.OWNER).isEmpty()) {
            throw caller.isMemberOf(teamId) ? new DomainException.NotPermitted("only the team's OWNER or an admin may change its profile")
                    : new DomainException.NotFound("team " + teamId);
        }
        long now = clock.millis();
        TeamProfile current = teams.find(teamId).orElseGet(() -> TeamProfile.blank(teamId, now, caller.userId()));
        if (c.verified() != null && c.verified() != current.verified() && !caller.isAdmin()) {
            throw new DomainException.NotPermitted("only an admin may change is_verified");
        }
        TeamProfile next = current.changed(c.name(), c.domain(), c.logo(), c.verified(), c.whiteLabel(), c.tosLink(), c.allowImpersonation(),
                now, caller.userId());
        teams.save(next);
        audit.record(EnvironmentAudit.team(current, next));
        return next;
    }
}
