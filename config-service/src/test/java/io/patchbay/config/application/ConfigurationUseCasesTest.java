package io.patchbay.config.application;

import io.patchbay.config.application.port.in.AppCommand;
import io.patchbay.config.application.port.in.InstallCommand;
import io.patchbay.config.application.port.in.ListConfigurationsQuery;
import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.config.application.port.in.TransferCommand;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.web.ProblemResponses;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationTransferred;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationUseCasesTest {
    static final String TEAM = "team_acme";
    final InMemoryStores stores = new InMemoryStores();
    final MutableClock clock = new MutableClock();
    final TeamResolver teams = new TeamResolver(stores);
    final InMemoryWebhooks hooks = new InMemoryWebhooks();
    final WebhookSettings settings = new WebhookSettings(true, Duration.ofMinutes(2));
    final WebhookNotifier notifier = new WebhookNotifier(hooks, hooks, stores, hooks, settings, clock);
    final TargetGuard guard = new TargetGuard(host -> List.of(java.net.InetAddress.getLoopbackAddress()), settings);
    final BulkLifecycle bulk = new BulkLifecycle(stores, stores, notifier, stores, clock);
    final ConfigurationService configurations = new ConfigurationService(stores, stores, stores, stores, teams, notifier, stores, clock);
    final AppService apps = new AppService(stores, bulk, guard, stores, clock);
    final MembershipService memberships = new MembershipService(stores, bulk, stores);
    final PartnerService partner = new PartnerService(stores, stores, stores, notifier, stores, clock);
    final DeletionGraceService grace = new DeletionGraceService(bulk, new DeletionGrace(Duration.ofHours(24)), clock);

    final Caller admin = new Caller("root", List.of(), Set.of("admin"), Optional.empty());
    final Caller owner = caller("ownerUser", TeamRole.OWNER);
    final Caller dev = caller("devUser", TeamRole.DEVELOPER);
    final Caller viewer = caller("viewerUser", TeamRole.VIEWER);
    final Caller stranger = new Caller("stranger", List.of(new TeamMembership("team_other", TeamRole.OWNER)), Set.of(), Optional.empty());

    static Caller caller(String user, TeamRole role) {
        return new Caller(user, List.of(new TeamMembership(TEAM, role)), Set.of(), Optional.empty());
    }

    App app(String slug, boolean marketplace, Plan plan) {
        return apps.create(new AppCommand(admin, slug, slug.toUpperCase(), null, List.of("read:project", "read-write:log-drain"), marketplace,
                "team_partner", true, plan, true, false)).app();
    }

    Configuration install(Caller who, String app) {
        return configurations.install(new InstallCommand(who, TeamSelector.NONE, app, null, null, null, null));
    }

    static void assertProblem(ThrowableAssert.ThrowingCallable call, ErrorKind kind, String field) {
        assertThatThrownBy(call).satisfies(thrown -> {
            ProblemException p = thrown instanceof DomainException d ? ProblemResponses.problemOf(d) : (ProblemException) thrown;
            assertThat(p.kind()).isEqualTo(kind);
            if (field != null) {
                assertThat(p.errors()).extracting("field").contains(field);
            }
        });
    }

    @Test
    void installDefaultsFollowTheApp() {
        app("slack", false, Plan.HOBBY);
        app("store", true, Plan.HOBBY);
        Configuration external = install(dev, "slack");
        assertThat(external.id()).matches("icfg_[0-9A-Za-z]{24}");
        assertThat(external.teamId()).isEqualTo(TEAM);
        assertThat(external.ownerId()).isEqualTo(TEAM);
        assertThat(external.userId()).isEqualTo("devUser");
        assertThat(external.scopes()).containsExactly("read:project", "read-write:log-drain");
        assertThat(external.projectSelection()).isEqualTo(ProjectSelection.ALL);
        assertThat(external.source()).isEqualTo(Source.EXTERNAL);
        assertThat(external.installationType()).isEqualTo(InstallationType.EXTERNAL);
        assertThat(external.status()).isEqualTo(InstallStatus.READY);
        assertThat(external.completedAt()).isEqualTo(external.createdAt());
        Configuration marketplace = install(dev, "store");
        assertThat(marketplace.installationType()).isEqualTo(InstallationType.MARKETPLACE);
        assertThat(marketplace.status()).isEqualTo(InstallStatus.PENDING);
    }

    @Test
    void installRefusesWhatTheAppOrTeamDoesNotAllow() {
        app("slack", false, Plan.PRO);
        assertProblem(() -> install(dev, "nope"), ErrorKind.UNPROCESSABLE, "integrationIdOrSlug");
        assertProblem(() -> install(dev, "slack"), ErrorKind.UNPROCESSABLE, "teamId");
        memberships.putTeam(owner, TEAM, "acme", Plan.PRO);
        assertThat(install(dev, "slack").teamId()).isEqualTo(TEAM);
        assertProblem(() -> install(viewer, "slack"), ErrorKind.FORBIDDEN, null);
        assertProblem(() -> configurations.install(new InstallCommand(dev, TeamSelector.NONE, "slack", List.of("read:secrets"), null, null, null)),
                ErrorKind.VALIDATION_FAILED, "scopes[0]");
        assertProblem(() -> configurations.install(new InstallCommand(dev, TeamSelector.NONE, "slack", List.of("write"), null, null, null)),
                ErrorKind.VALIDATION_FAILED, "scopes[0]");
        assertProblem(() -> configurations.install(new InstallCommand(dev, TeamSelector.NONE, "slack", null, ProjectSelection.SELECTED, List.of(),
                null)), ErrorKind.VALIDATION_FAILED, "projects");
        assertProblem(() -> configurations.install(new InstallCommand(dev, TeamSelector.NONE, "slack", null, ProjectSelection.ALL,
                List.of("prj_1"), null)), ErrorKind.VALIDATION_FAILED, "projects");
        assertProblem(() -> configurations.install(new InstallCommand(stranger, new TeamSelector(TEAM, null, null), "slack", null, null, null,
                null)), ErrorKind.FORBIDDEN, null);
        apps.update("slack", new AppCommand(admin, null, null, null, null, null, null, false, null, false, null));
        assertProblem(() -> install(dev, "slack"), ErrorKind.UNPROCESSABLE, "integrationIdOrSlug");
    }

    @Test
    void visibilityIsOwnerTeamMembersAndAdmins() {
        app("slack", false, Plan.HOBBY);
        Configuration c = install(dev, "slack");
        assertThat(configurations.get(viewer, TeamSelector.NONE, c.id()).id()).isEqualTo(c.id());
        assertThat(configurations.get(admin, TeamSelector.NONE, c.id()).id()).isEqualTo(c.id());
        assertProblem(() -> configurations.get(stranger, TeamSelector.NONE, c.id()), ErrorKind.NOT_FOUND, null);
        assertProblem(() -> configurations.get(stranger, new TeamSelector(TEAM, null, null), c.id()), ErrorKind.FORBIDDEN, null);
        assertProblem(() -> configurations.get(stranger, new TeamSelector("team_other", null, null), c.id()), ErrorKind.NOT_FOUND, null);
        Caller solo = new Caller("solo", List.of(), Set.of(), Optional.empty());
        Configuration personal = install(solo, "slack");
        assertThat(personal.teamId()).isNull();
        assertThat(personal.ownerId()).isEqualTo("solo");
        assertProblem(() -> configurations.get(dev, TeamSelector.NONE, personal.id()), ErrorKind.NOT_FOUND, null);
    }

    @Test
    void disableAndEnableFollowTheReasonRules() {
        app("slack", false, Plan.HOBBY);
        Configuration c = install(dev, "slack");
        assertProblem(() -> configurations.disable(viewer, TeamSelector.NONE, c.id(), null), ErrorKind.FORBIDDEN, null);
        assertProblem(() -> configurations.disable(dev, TeamSelector.NONE, c.id(), DisableReason.DISABLED_BY_ADMIN), ErrorKind.FORBIDDEN, null);
        assertProblem(() -> configurations.disable(dev, TeamSelector.NONE, c.id(), DisableReason.ACCOUNT_PLAN_DOWNGRADE),
                ErrorKind.VALIDATION_FAILED, "reason");

        Configuration disabled = configurations.disable(dev, TeamSelector.NONE, c.id(), null);
        assertThat(disabled.disabledReason()).isEqualTo(DisableReason.DISABLED_BY_OWNER);
        assertThat(disabled.version()).isEqualTo(2);
        assertThat(stores.published).singleElement().isInstanceOfSatisfying(ConfigurationDisabled.class, e -> {
            assertThat(e.reason()).isEqualTo("disabled-by-owner");
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.teamId()).isEqualTo(TEAM);
        });
        configurations.disable(dev, TeamSelector.NONE, c.id(), null);
        assertThat(stores.published).hasSize(1);

        configurations.enable(dev, TeamSelector.NONE, c.id());
        assertThat(stores.published.getLast()).isInstanceOfSatisfying(ConfigurationEnabled.class,
                e -> assertThat(e.previousReason()).isEqualTo("disabled-by-owner"));

        configurations.disable(admin, TeamSelector.NONE, c.id(), null);
        assertThat(configurations.get(admin, TeamSelector.NONE, c.id()).disabledReason()).isEqualTo(DisableReason.DISABLED_BY_ADMIN);
        assertProblem(() -> configurations.enable(dev, TeamSelector.NONE, c.id()), ErrorKind.FORBIDDEN, null);
        configurations.enable(admin, TeamSelector.NONE, c.id());
        assertThat(configurations.get(admin, TeamSelector.NONE, c.id()).isDisabled()).isFalse();
    }

    @Test
    void membershipReasonsComeBackOnlyByTransfer() {
        app("slack", false, Plan.HOBBY);
        memberships.putMember(owner, TEAM, "devUser", TeamRole.DEVELOPER);
        memberships.putMember(owner, TEAM, "ownerUser", TeamRole.OWNER);
        Configuration c = install(dev, "slack");
        memberships.removeMember(owner, TEAM, "devUser");
        Configuration after = configurations.get(owner, TeamSelector.NONE, c.id());
        assertThat(after.disabledReason()).isEqualTo(DisableReason.ORIGINAL_OWNER_LEFT_THE_TEAM);
        assertProblem(() -> configurations.enable(admin, TeamSelector.NONE, c.id()), ErrorKind.CONFLICT, null);
        assertProblem(() -> configurations.transfer(new TransferCommand(owner, TeamSelector.NONE, c.id(), "devUser", null)),
                ErrorKind.UNPROCESSABLE, "userId");
        assertProblem(() -> configurations.transfer(new TransferCommand(viewer, TeamSelector.NONE, c.id(), "ownerUser", null)),
                ErrorKind.FORBIDDEN, null);
        Configuration transferred = configurations.transfer(new TransferCommand(owner, TeamSelector.NONE, c.id(), "ownerUser", null));
        assertThat(transferred.isDisabled()).isFalse();
        assertThat(transferred.userId()).isEqualTo("ownerUser");
        assertThat(stores.published.getLast()).isInstanceOfSatisfying(ConfigurationTransferred.class, e -> {
            assertThat(e.previousUserId()).isEqualTo("devUser");
            assertThat(e.userId()).isEqualTo("ownerUser");
            assertThat(e.previousTeamId()).isEqualTo(TEAM);
            assertThat(e.version()).isEqualTo(transferred.version());
        });
    }

    @Test
    void roleDowngradeDisablesOnlyThatMembersConfigurations() {
        app("slack", false, Plan.HOBBY);
        memberships.putMember(owner, TEAM, "devUser", TeamRole.DEVELOPER);
        Configuration mine = install(dev, "slack");
        Configuration other = install(owner, "slack");
        memberships.putMember(owner, TEAM, "devUser", TeamRole.BILLING);
        assertThat(stores.configurations.get(mine.id()).disabledReason()).isEqualTo(DisableReason.ORIGINAL_OWNER_ROLE_DOWNGRADED);
        assertThat(stores.configurations.get(other.id()).isDisabled()).isFalse();
        assertProblem(() -> memberships.putMember(dev, TEAM, "x", TeamRole.OWNER), ErrorKind.FORBIDDEN, null);
    }

    @Test
    void planDowngradeDisablesAndUpgradeReEnablesExactlyThose() {
        app("basic", false, Plan.HOBBY);
        app("pro-app", false, Plan.PRO);
        memberships.putTeam(owner, TEAM, "acme", Plan.PRO);
        Configuration basic = install(dev, "basic");
        Configuration pro = install(dev, "pro-app");
        Configuration proByOwner = install(dev, "pro-app");
        configurations.disable(dev, TeamSelector.NONE, proByOwner.id(), null);
        int before = stores.published.size();
        memberships.putTeam(owner, TEAM, null, Plan.HOBBY);
        assertThat(stores.configurations.get(pro.id()).disabledReason()).isEqualTo(DisableReason.ACCOUNT_PLAN_DOWNGRADE);
        assertThat(stores.configurations.get(basic.id()).isDisabled()).isFalse();
        assertThat(stores.configurations.get(proByOwner.id()).disabledReason()).isEqualTo(DisableReason.DISABLED_BY_OWNER);
        assertThat(stores.published).hasSize(before + 1);
        memberships.putTeam(owner, TEAM, null, Plan.ENTERPRISE);
        assertThat(stores.configurations.get(pro.id()).isDisabled()).isFalse();
        assertThat(stores.configurations.get(proByOwner.id()).disabledReason()).isEqualTo(DisableReason.DISABLED_BY_OWNER);
        assertThat(stores.published).hasSize(before + 2);
    }

    @Test
    void appUnavailableDisablesAndAvailableReEnablesExactlyThose() {
        app("slack", false, Plan.HOBBY);
        Configuration a = install(dev, "slack");
        Configuration b = install(dev, "slack");
        configurations.disable(dev, TeamSelector.NONE, b.id(), null);
        apps.update("slack", new AppCommand(admin, null, null, null, null, null, null, false, null, false, null));
        assertThat(stores.configurations.get(a.id()).disabledReason()).isEqualTo(DisableReason.FEATURE_NOT_AVAILABLE);
        assertThat(stores.configurations.get(b.id()).disabledReason()).isEqualTo(DisableReason.DISABLED_BY_OWNER);
        apps.update("slack", new AppCommand(admin, null, null, null, null, null, null, false, null, true, null));
        assertThat(stores.configurations.get(a.id()).isDisabled()).isFalse();
        assertThat(stores.configurations.get(b.id()).isDisabled()).isTrue();
        assertProblem(() -> apps.update("slack", new AppCommand(dev, null, "x", null, null, null, null, false, null, null, null)),
                ErrorKind.FORBIDDEN, null);
    }

    @Test
    void externalDeleteIsImmediateAndMarketplaceDeleteWaitsForThePartnerOrTheGracePeriod() {
        app("slack", false, Plan.HOBBY);
        app("store", true, Plan.HOBBY);
        Configuration external = install(dev, "slack");
        configurations.delete(dev, TeamSelector.NONE, external.id());
        assertThat(stores.published.getLast()).isInstanceOfSatisfying(ConfigurationDeleted.class,
                e -> assertThat(e.deleteRequestedAt()).isNull());
        int events = stores.published.size();
        configurations.delete(dev, TeamSelector.NONE, external.id());
        assertThat(stores.published).hasSize(events);
        assertProblem(() -> configurations.get(dev, TeamSelector.NONE, external.id()), ErrorKind.NOT_FOUND, null);

        Configuration market = install(dev, "store");
        configurations.delete(dev, TeamSelector.NONE, market.id());
        assertThat(stores.published).hasSize(events);
        Configuration requested = configurations.get(dev, TeamSelector.NONE, market.id());
        assertThat(requested.deleteRequestedAt()).isNotNull();
        assertThat(requested.customerDeleteRequestedAt()).isNotNull();
        assertProblem(() -> configurations.disable(dev, TeamSelector.NONE, market.id(), null), ErrorKind.CONFLICT, null);
        Caller partnerManager = new Caller("p", List.of(new TeamMembership("team_partner", TeamRole.MEMBER)), Set.of(), Optional.empty());
        assertProblem(() -> partner.finalizeDeletion(dev, market.id()), ErrorKind.NOT_FOUND, null);
        partner.finalizeDeletion(partnerManager, market.id());
        assertThat(stores.published.getLast()).isInstanceOfSatisfying(ConfigurationDeleted.class,
                e -> assertThat(e.deleteRequestedAt()).isEqualTo(requested.deleteRequestedAt()));

        Configuration lapsing = install(dev, "store");
        configurations.delete(dev, TeamSelector.NONE, lapsing.id());
        assertThat(grace.finalizeExpired()).isZero();
        clock.advance(Duration.ofHours(25));
        assertThat(grace.finalizeExpired()).isEqualTo(1);
        assertThat(stores.configurations.get(lapsing.id()).isDeleted()).isTrue();
    }

    @Test
    void listsPageNewestFirstForTheActingOwner() {
        app("slack", false, Plan.HOBBY);
        for (int i = 0; i < 5; i++) {
            install(dev, "slack");
            clock.advance(Duration.ofMillis(1));
        }
        var first = configurations.list(new ListConfigurationsQuery(dev, TeamSelector.NONE, false, null, false, null, 2, null));
        assertThat(first.items()).hasSize(2);
        var second = configurations.list(new ListConfigurationsQuery(dev, TeamSelector.NONE, false, null, false, null, 2, first.next().orElseThrow()));
        var third = configurations.list(new ListConfigurationsQuery(dev, TeamSelector.NONE, false, null, false, null, 2, second.next().orElseThrow()));
        assertThat(third.items()).hasSize(1);
        assertThat(third.next()).isEmpty();
        assertThat(first.items().getFirst().createdAt()).isGreaterThan(third.items().getFirst().createdAt());
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
