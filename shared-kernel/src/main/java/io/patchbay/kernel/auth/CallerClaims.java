package io.patchbay.kernel.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the Patchbay claims ({@code sub}, {@code teams}, {@code roles}, {@code environment_id}) into a {@link Caller}. */
public final class CallerClaims {
    private CallerClaims() {
    }

    /**
     * @throws IllegalArgumentException when a claim has the wrong shape (the token is then rejected with 401)
     */
    public static Caller fromClaims(Map<String, Object> claims) {
        Object sub = claims.get("sub");
        if (!(sub instanceof String userId) || userId.isBlank()) {
            throw new IllegalArgumentException("token has no subject");
        }
        List<TeamMembership> teams = new ArrayList<>();
        Object rawTeams = claims.get("teams");
        if (rawTeams != null) {
            if (!(rawTeams instanceof Collection<?> list)) {
                throw new IllegalArgumentException("claim 'teams' must be a list");
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> team) || !(team.get("id") instanceof String id) || id.isBlank()) {
                    throw new IllegalArgumentException("claim 'teams' entries need an 'id'");
                }
                TeamRole role = TeamRole.parse(team.get("role") instanceof String r ? r : null)
                        .orElseThrow(() -> new IllegalArgumentException("claim 'teams' entry " + id + " has an unknown role"));
                teams.add(new TeamMembership(id, role));
            }
        }
        Set<String> roles = new LinkedHashSet<>();
        Object rawRoles = claims.get("roles");
        if (rawRoles instanceof Collection<?> list) {
            list.forEach(r -> roles.add(String.valueOf(r)));
        } else if (rawRoles instanceof String single) {
            roles.add(single);
        } else if (rawRoles != null) {
            throw new IllegalArgumentException("claim 'roles' must be a list");
        }
        Object env = claims.get("environment_id");
        Optional<String> environmentId = env instanceof String e && !e.isBlank() ? Optional.of(e) : Optional.empty();
        return new Caller(userId, teams, roles, environmentId);
    }
}
