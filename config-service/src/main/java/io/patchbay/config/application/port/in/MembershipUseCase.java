package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.Team;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamRole;

/** Membership records from the identity system, and the automatic disables they trigger. */
public interface MembershipUseCase {
    Team putTeam(Caller caller, String teamId, String slug, Plan plan);

    Member putMember(Caller caller, String teamId, String userId, TeamRole role);

    void removeMember(Caller caller, String teamId, String userId);
}
