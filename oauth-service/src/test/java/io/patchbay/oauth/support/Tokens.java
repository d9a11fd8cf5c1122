package io.patchbay.oauth.support;

import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.infra.auth.TokenMinter;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Development tokens for the tests. */
public final class Tokens {
    private Tokens() {
    }

    public static String token(String user, Collection<TeamMembership> teams, boolean admin) {
        return TokenMinter.dev().mint(user, teams, admin ? Set.of("admin") : Set.of(), null, Duration.ofMinutes(30));
    }

    public static String token(String user, String team, TeamRole role) {
        return token(user, List.of(new TeamMembership(team, role)), false);
    }

    /** Posit's scheme: {@code Authorization: Key <token>}. */
    public static String key(String token) {
        return "Key " + token;
    }

    public static String admin() {
        return token("root", List.of(), true);
    }
}
