package io.patchbay.kernel.auth;

import java.util.Objects;

public record TeamMembership(String teamId, TeamRole role) {
    public TeamMembership {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(role, "role");
    }
}
