package io.patchbay.environment.application.port.in;

import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.auth.Caller;

public interface TeamsUseCase {
    TeamProfile get(Caller caller, String teamId);

    TeamProfile put(Caller caller, String teamId, UpdateTeamCommand change);
}
