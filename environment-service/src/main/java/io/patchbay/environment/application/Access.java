package io.patchbay.environment.application;

import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.Environment;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Integration;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;

import java.util.Optional;
import java.util.UUID;

/** The authorization rules of environment-service.md ("Authorization" and "Sharing"). */
final class Access {
    private Access() {
    }

    static Optional<UUID> scope(Caller caller) {
        return caller.environmentId().map(s -> {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                // a scope that names no environment sees nothing
                return new UUID(0, 0);
            }
        });
    }

    static Visibility visibility(Caller caller) {
        return new Visibility(caller.isAdmin() && caller.environmentId().isEmpty(),
                caller.teams().stream().map(TeamMembership::teamId).toList(), scope(caller));
    }

    static boolean readsTeam(Caller caller, String teamId) {
        return caller.isAdmin() || caller.isMemberOf(teamId);
    }

    static boolean managesTeam(Caller caller, String teamId) {
        return caller.isAdmin() || caller.managesTeam(teamId);
    }

    /** Environments, integrations and team profiles are changed with unscoped tokens only. */
    static void requireUnscoped(Caller caller) {
        if (caller.environmentId().isPresent()) {
            throw new DomainException.NotPermitted("an environment-scoped token may only read and change the installs of its environment");
        }
    }

    static boolean seesEnvironment(Caller caller, Environment environment) {
        return seesEnvironment(caller, environment.id(), environment.teamId());
    }

    static boolean seesEnvironment(Caller caller, UUID environmentId, String teamId) {
        return scope(caller).map(s -> s.equals(environmentId)).orElseGet(() -> readsTeam(caller, teamId));
    }

    /** The owning team (unscoped) sees every environment its integration is installed in; others only environments they see. */
    static boolean seesInstallLocation(Caller caller, Integration integration, UUID environmentId, String environmentTeamId) {
        return (scope(caller).isEmpty() && readsTeam(caller, integration.teamId())) || seesEnvironment(caller, environmentId, environmentTeamId);
    }

    static boolean writesEnvironmentInstalls(Caller caller, Environment environment) {
        return scope(caller).map(s -> s.equals(environment.id())).orElseGet(() -> managesTeam(caller, environment.teamId()));
    }

    static boolean seesIntegration(Caller caller, Integration integration) {
        return readsTeam(caller, integration.teamId()) || integration.readableByOutsiders();
    }

    /** The environment's team (or its scoped token) and the integration's team see an install. */
    static boolean seesInstall(Caller caller, EnvironmentIntegration install, Environment environment, Integration integration) {
        return scope(caller).map(s -> s.equals(install.environmentId()))
                .orElseGet(() -> readsTeam(caller, environment.teamId()) || readsTeam(caller, integration.teamId()));
    }
}
