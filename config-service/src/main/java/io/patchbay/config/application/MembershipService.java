package io.patchbay.config.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.config.application.port.in.MembershipUseCase;
import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.Team;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamRole;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Keeps the membership records and runs the automatic triggers: a member who leaves or stops being a manager, and a
 * plan that drops below an app's required plan, disable the configurations concerned in the same transaction.
 */
@Singleton
public class MembershipService implements MembershipUseCase {
    private final MembershipStore memberships;
    private final BulkLifecycle bulk;
    private final AuditTrail audit;

    public MembershipService(MembershipStore memberships, BulkLifecycle bulk, AuditTrail audit) {
        this.memberships = memberships;
        this.bulk = bulk;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Team putTeam(Caller caller, String teamId, String slug, Plan plan) {
        requireOwnerOrAdmin(caller, teamId);
        if (slug != null && !Team.SLUG.matcher(slug).matches()) {
            throw new DomainException.InvalidValue("slug", "must match " + Team.SLUG.pattern() + ", was '" + slug + "'");
        }
        Team current = memberships.findTeam(teamId).orElse(new Team(teamId, null, Plan.HOBBY));
        Team team = new Team(teamId, slug != null ? slug : current.slug(), plan != null ? plan : current.plan());
        // the plan the row held when saveTeam locked it: a concurrent change between the read above and the save still
        // triggers exactly the disables or enables this change makes
        Optional<Team> saved = memberships.saveTeam(team, caller.userId());
        audit.record(ConfigurationAudit.team(saved.orElse(null), team));
        Team previous = saved.orElse(new Team(teamId, null, Plan.HOBBY));
        if (team.plan().isBelow(previous.plan())) {
            bulk.disable(new BulkSelection.ActiveOfTeamNeedingPlanAbove(teamId, team.plan()), DisableReason.ACCOUNT_PLAN_DOWNGRADE,
                    caller.userId(), ConfigurationAudit.PLAN_DOWNGRADE);
        } else if (previous.plan().isBelow(team.plan())) {
            bulk.enable(new BulkSelection.DisabledOfTeamAllowedBy(teamId, DisableReason.ACCOUNT_PLAN_DOWNGRADE, team.plan()),
                    caller.userId(), ConfigurationAudit.PLAN_UPGRADE);
        }
        return team;
    }

    @Override
    @Transactional
    public Member putMember(Caller caller, String teamId, String userId, TeamRole role) {
        requireOwnerOrAdmin(caller, teamId);
        Member member = new Member(teamId, userId, role);
        Optional<Member> previous = memberships.saveMember(member, caller.userId());
        audit.record(ConfigurationAudit.member(previous.isPresent() ? "updated" : "created", teamId, userId, previous.orElse(null), member));
        boolean wasManager = previous.map(m -> m.role().isManager()).orElse(false);
        if (wasManager && !role.isManager()) {
            bulk.disable(new BulkSelection.ActiveOfTeamUser(teamId, userId), DisableReason.ORIGINAL_OWNER_ROLE_DOWNGRADED, caller.userId(),
                    ConfigurationAudit.MEMBER_ROLE_DOWNGRADED);
        }
        return member;
    }

    @Override
    @Transactional
    public void removeMember(Caller caller, String teamId, String userId) {
        requireOwnerOrAdmin(caller, teamId);
        memberships.removeMember(teamId, userId).ifPresent(removed ->
                audit.record(ConfigurationAudit.member("removed", teamId, userId, removed, null)));
        bulk.disable(new BulkSelection.ActiveOfTeamUser(teamId, userId), DisableReason.ORIGINAL_OWNER_LEFT_THE_TEAM, caller.userId(),
                ConfigurationAudit.MEMBER_LEFT);
    }

    private static void requireOwnerOrAdmin(Caller caller, String teamId) {
        if (!caller.isAdmin() && caller.roleIn(teamId).filter(r -> r == TeamRole.OWNER).isEmpty()) {
            throw new DomainException.NotPermitted("only platform admins and owners of team " + teamId + " may change its records");
        }
    }
}
