package io.patchbay.kernel.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token's subject, its team memberships, its platform roles and an optional
 * environment scope. Built from verified JWT claims by {@link CallerClaims}.
 */
public record Caller(String userId, List<TeamMembership> teams, Set<String> platformRoles, Optional<String> environmentId) {
    public static final String ADMIN_ROLE = "admin";

    public Caller {
        Objects.requireNonNull(userId, "userId");
        teams = List.copyOf(teams);
        platformRoles = Set.copyOf(platformRoles);
        Objects.requireNonNull(environmentId, "environmentId");
    }

    public boolean isAdmin() {
        return platformRoles.contains(ADMIN_ROLE);
    }

    public Optional<TeamRole> roleIn(String teamId) {
        return teams.stream().filter(t -> t.teamId().equals(teamId)).map(TeamMembership::role).findFirst();
    }

    public boolean isMemberOf(String teamId) {
        return roleIn(teamId).isPresent();
    }

    public boolean managesTeam(String teamId) {
        return roleIn(teamId).map(TeamRole::isManager).orElse(false);
    }
}
