package io.patchbay.environment.application.port.in;

import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.auth.Caller;

public interface TeamsUseCase {
    TeamProfile get(Caller caller, String teamId);

    TeamProfile put(Caller caller, String teamId, TeamChange change);

    /** Fields of PUT /team/{id}; null keeps the stored value. */
    record TeamChange(String name, String domain, String logo, Boolean verified, Boolean whiteLabel, String tosLink,
                      Boolean allowImpersonation) {
    }
}
