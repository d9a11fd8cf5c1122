package io.patchbay.config.domain;

import io.patchbay.kernel.auth.TeamRole;

/** A user's membership of a team as the identity system reports it. */
public record Member(String teamId, String userId, TeamRole role) {
}
