package io.patchbay.kernel;

import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.CallerClaims;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerAndActingTeamTest {
    private static Caller caller(List<Map<String, Object>> teams, List<String> roles) {
        return CallerClaims.fromClaims(Map.of("sub", "user1", "teams", teams, "roles", roles));
    }

    @Test
    void readsTeamsRolesAndEnvironment() {
        Caller c = CallerClaims.fromClaims(Map.of("sub", "u", "teams", List.of(Map.of("id", "team_a", "role", "VIEWER")),
                "roles", List.of("admin"), "environment_id", "env_1"));
        assertThat(c.isAdmin()).isTrue();
        assertThat(c.roleIn("team_a")).contains(TeamRole.VIEWER);
        assertThat(c.managesTeam("team_a")).isFalse();
        assertThat(c.environmentId()).contains("env_1");
    }

    @Test
    void malformedClaimsAreRefused() {
        assertThatThrownBy(() -> CallerClaims.fromClaims(Map.of("teams", List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerClaims.fromClaims(Map.of("sub", "u", "teams", "team_a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerClaims.fromClaims(Map.of("sub", "u", "teams", List.of(Map.of("id", "team_a", "role", "KING")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actingTeamIsTheNamedTeamTheHeaderOrTheOnlyTeam() {
        Caller one = caller(List.of(Map.of("id", "team_a", "role", "OWNER")), List.of());
        Caller two = caller(List.of(Map.of("id", "team_a", "role", "OWNER"), Map.of("id", "team_b", "role", "MEMBER")), List.of());
        assertThat(ActingTeam.resolve(one, null, null)).contains("team_a");
        assertThat(ActingTeam.resolve(two, null, null)).isEmpty();
        assertThat(ActingTeam.resolve(two, null, "team_b")).contains("team_b");
        assertThat(ActingTeam.resolve(two, "team_a", "team_b")).contains("team_a");
        assertThatThrownBy(() -> ActingTeam.require(two, null, null, "teamId"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ErrorKind.VALIDATION_FAILED));
        assertThatThrownBy(() -> ActingTeam.resolve(one, "team_z", null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ErrorKind.FORBIDDEN));
        assertThat(ActingTeam.resolve(caller(List.of(), List.of("admin")), "team_z", null)).contains("team_z");
    }
}
