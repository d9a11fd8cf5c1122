package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.Team;
import io.patchbay.config.domain.WireEnum;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
class MembershipPersistenceAdapter implements MembershipStore {
    private final Sql sql;

    MembershipPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Team> findTeam(String teamId) {
        return sql.one("SELECT id, slug, plan FROM team WHERE id = ?", MembershipPersistenceAdapter::team, teamId);
    }

    @Override
    public Optional<Team> findTeamBySlug(String slug) {
        return sql.one("SELECT id, slug, plan FROM team WHERE slug = ?", MembershipPersistenceAdapter::team, slug);
    }

    @Override
    public Optional<Team> saveTeam(Team team, String actor) {
        Optional<Team> previous = sql.one("SELECT id, slug, plan FROM team WHERE id = ? FOR UPDATE", MembershipPersistenceAdapter::team, team.id());
        try {
            sql.update("INSERT INTO team (id, slug, plan, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, plan = excluded.plan, updated_at = excluded.updated_at, "
                            + "updated_by = excluded.updated_by",
                    team.id(), team.slug(), team.plan().wire(), Instant.now(), actor);
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("team slug '" + team.slug() + "' belongs to another team");
        }
        return previous;
    }

    @Override
    public Optional<Member> findMember(String teamId, String userId) {
        return sql.one("SELECT team_id, user_id, role FROM team_member WHERE team_id = ? AND user_id = ?",
                MembershipPersistenceAdapter::member, teamId, userId);
    }

    @Override
    public Optional<Member> saveMember(Member member, String actor) {
        Optional<Member> previous = sql.one("SELECT team_id, user_id, role FROM team_member WHERE team_id = ? AND user_id = ? FOR UPDATE",
                MembershipPersistenceAdapter::member, member.teamId(), member.userId());
        sql.update("INSERT INTO team_member (team_id, user_id, role, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at, "
                        + "updated_by = excluded.updated_by",
                member.teamId(), member.userId(), member.role().name(), Instant.now(), actor);
        return previous;
    }

    @Override
    public Optional<Member> removeMember(String teamId, String userId) {
        return sql.one("DELETE FROM team_member WHERE team_id = ? AND user_id = ? RETURNING team_id, user_id, role",
                MembershipPersistenceAdapter::member, teamId, userId);
    }

    private static Team team(ResultSet r) throws SQLException {
        return new Team(r.getString("id"), r.getString("slug"), WireEnum.parse(Plan.class, r.getString("plan"), "plan"));
    }

    private static Member member(ResultSet r) throws SQLException {
        return new Member(r.getString("team_id"), r.getString("user_id"), TeamRole.valueOf(r.getString("role")));
    }
}
