package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Team;

import java.util.Optional;

/** The team and member records fed by the identity system. */
public interface MembershipStore {
    Optional<Team> findTeam(String teamId);

    Optional<Team> findTeamBySlug(String slug);

    /** Saves the team and returns what was there before; 409 when the slug belongs to another team. */
    Optional<Team> saveTeam(Team team, String actor);

    Optional<Member> findMember(String teamId, String userId);

    /** Saves the member and returns what was there before. */
    Optional<Member> saveMember(Member member, String actor);

    /** Removes the member and returns what was there. */
    Optional<Member> removeMember(String teamId, String userId);
}
