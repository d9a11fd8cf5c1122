package io.patchbay.environment.api;

import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.infra.auth.TokenMinter;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Development tokens for the tests. */
final class Tokens {
    private Tokens() {
    }

    static String token(String user, Collection<TeamMembership> teams, boolean admin, String environmentId) {
        return TokenMinter.dev().mint(user, teams, admin ? Set.of("admin") : Set.of(), environmentId, Duration.ofMinutes(30));
    }

    static String token(String user, String team, TeamRole role) {
        return token(user, List.of(new TeamMembership(team, role)), false, null);
    }

    static String scoped(String user, String team, TeamRole role, String environmentId) {
        return token(user, List.of(new TeamMembership(team, role)), false, environmentId);
    }

    static String admin() {
        return token("root", List.of(), true, null);
    }
}
