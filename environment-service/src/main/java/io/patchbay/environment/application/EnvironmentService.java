package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.EnvironmentsUseCase;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.id.Ids;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

@Singleton
public class EnvironmentService implements EnvironmentsUseCase {
    private final EnvironmentStore environments;
    private final AuditTrail audit;
    private final Clock clock;

    public EnvironmentService(EnvironmentStore environments, AuditTrail audit, Clock clock) {
        this.environments = environments;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Environment create(Caller caller, NamedTeam named, String name) {
        Access.requireUnscoped(caller);
        String team = ActingTeam.require(caller, named, "team_id");
        if (!Access.managesTeam(caller, team)) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + team + " may create environments");
        }
        long now = clock.millis();
        Environment environment = new Environment(Ids.uuid(), team, Environment.checkName(name, "name"), 1, now, now, caller.userId(),
                caller.userId());
        environments.insert(environment);
        audit.record(EnvironmentAudit.environment("created", null, environment));
        return environment;
    }

    @Override
    @Transactional
    public Environment get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    @Override
    @Transactional
    public Page<Environment> list(Caller caller, String teamId, String name, int limit, PageKey after) {
        if (teamId != null && !Access.readsTeam(caller, teamId)) {
            throw new DomainException.NotPermitted("you are not a member of team " + teamId);
        }
        return environments.list(Access.visibility(caller), teamId, name, limit, after);
    }

    @Override
    @Transactional
    public Environment rename(Caller caller, UUID id, String name) {
        Environment environment = writable(caller, id);
        Environment renamed = environment.rename(name, clock.millis(), caller.userId());
        environments.update(renamed);
        audit.record(EnvironmentAudit.environment("updated", environment, renamed));
        return renamed;
    }

    @Override
    @Transactional
    public void delete(Caller caller, UUID id) {
        Environment environment = writable(caller, id);
        if (!environments.deleteIfEmpty(id)) {
            throw new DomainException.Conflict("environment " + id + " still has installed integrations; uninstall them first");
        }
        audit.record(EnvironmentAudit.environment("deleted", environment, null));
    }

    private Environment visible(Caller caller, UUID id) {
        return environments.find(id).filter(e -> Access.seesEnvironment(caller, e))
                .orElseThrow(() -> new DomainException.NotFound("environment " + id));
    }

    private Environment writable(Caller caller, UUID id) {
        Environment environment = visible(caller, id);
        Access.requireUnscoped(caller);
        if (!Access.managesTeam(caller, environment.teamId())) {
            throw new DomainException.NotPermitted("only OWNER, MEMBER and DEVELOPER members of " + environment.teamId() + " may change environments");
        }
        return environment;
    }
}
