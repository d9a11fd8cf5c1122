package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.PublishedNames;
import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.Team;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

@Singleton
class MembershipPersistenceAdapter implements MembershipStore {
    private final TeamRepository teams;
    private final TeamMemberRepository members;

    MembershipPersistenceAdapter(TeamRepository teams, TeamMemberRepository members) {
        this.teams = teams;
        this.members = members;
    }

    @Override
    public Optional<Team> findTeam(String teamId) {
        return teams.findById(teamId).map(MembershipPersistenceAdapter::toTeam);
    }

    @Override
    public Optional<Team> findTeamBySlug(String slug) {
        return teams.findBySlug(slug).map(MembershipPersistenceAdapter::toTeam);
    }

    @Override
    public Optional<Team> saveTeam(Team team, String actor) {
        Optional<Team> previous = teams.findByIdForUpdate(team.id()).map(MembershipPersistenceAdapter::toTeam);
        try {
            teams.upsert(team.id(), team.slug(), PublishedNames.NAMES.name(team.plan()), Instant.now(), actor);
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("team slug '" + team.slug() + "' belongs to another team");
        }
        return previous;
    }

    @Override
    public Optional<Member> findMember(String teamId, String userId) {
        return members.findById(new TeamMemberKey(teamId, userId)).map(MembershipPersistenceAdapter::toMember);
    }

    @Override
    public Optional<Member> saveMember(Member member, String actor) {
        Optional<Member> previous = members.findByIdForUpdate(new TeamMemberKey(member.teamId(), member.userId()))
                .map(MembershipPersistenceAdapter::toMember);
        members.upsert(member.teamId(), member.userId(), member.role().name(), Instant.now(), actor);
        return previous;
    }

    @Override
    public Optional<Member> removeMember(String teamId, String userId) {
        TeamMemberKey key = new TeamMemberKey(teamId, userId);
        Optional<Member> previous = members.findByIdForUpdate(key).map(MembershipPersistenceAdapter::toMember);
        previous.ifPresent(m -> members.deleteById(key));
        return previous;
    }

    private static Team toTeam(TeamRow r) {
        return new Team(r.id(), r.slug(), PublishedNames.NAMES.fromStored(Plan.class, r.plan(), "team.plan"));
    }

    private static Member toMember(TeamMemberRow r) {
        return new Member(r.id().teamId(), r.id().userId(), TeamRole.valueOf(r.role()));
    }
}
