package io.patchbay.config.application;

import io.patchbay.config.application.port.in.AppCommand;
import io.patchbay.config.application.port.in.ChangeAccessCommand;
import io.patchbay.config.application.port.in.CreateWebhookCommand;
import io.patchbay.config.application.port.in.CreatedApp;
import io.patchbay.config.application.port.in.CreatedWebhook;
import io.patchbay.config.application.port.in.InstallCommand;
import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.config.application.port.in.TransferCommand;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryTarget;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Webhook;
import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.patchbay.config.application.ConfigurationUseCasesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Which webhooks hear about which changes, and who may register, read and delete webhooks (in-memory ports). */
class WebhookUseCasesTest {
    static final String TEAM = "team_acme";
    final InMemoryStores stores = new InMemoryStores();
    final InMemoryWebhooks hooks = new InMemoryWebhooks();
    final ConfigurationUseCasesTest.MutableClock clock = new ConfigurationUseCasesTest.MutableClock();
    final Map<String, List<InetAddress>> dns = new HashMap<>();
    final TeamResolver teams = new TeamResolver(stores);
    final WebhookSettings settings = new WebhookSettings(false, Duration.ofMinutes(2));
    final WebhookNotifier notifier = new WebhookNotifier(hooks, hooks, stores, hooks, settings, clock);
    final TargetGuard guard = new TargetGuard(host -> dns.getOrDefault(host, List.of()), settings);
    final BulkLifecycle bulk = new BulkLifecycle(stores, stores, notifier, stores, clock);
    final ConfigurationService configurations = new ConfigurationService(stores, stores, stores, stores, teams, notifier, stores, clock);
    final AppService apps = new AppService(stores, bulk, guard, stores, clock);
    final MembershipService memberships = new MembershipService(stores, bulk, stores);
    final WebhookService webhooks = new WebhookService(hooks, hooks, teams, guard, settings, stores, clock);

    final Caller admin = new Caller("root", List.of(), Set.of("admin"), Optional.empty());
    final Caller owner = caller("ownerUser", TeamRole.OWNER);
    final Caller dev = caller("devUser", TeamRole.DEVELOPER);
    final Caller viewer = caller("viewerUser", TeamRole.VIEWER);
    final Caller loner = new Caller("loner", List.of(), Set.of(), Optional.empty());
    final Caller stranger = new Caller("stranger", List.of(new TeamMembership("team_other", TeamRole.OWNER)), Set.of(), Optional.empty());

    WebhookUseCasesTest() throws UnknownHostException {
        dns.put("hooks.example.com", List.of(InetAddress.getByName("203.0.113.10")));
        dns.put("inside.example.com", List.of(InetAddress.getByName("203.0.113.11"), InetAddress.getByName("10.0.0.5")));
        dns.put("metadata.example.com", List.of(InetAddress.getByName("169.254.169.254")));
        apps.create(new AppCommand(admin, "slack", "Slack", null, List.of("read:project", "read-write:log-drain"), false, "team_partner", true,
                Plan.PRO, true, false));
    }

    static Caller caller(String user, TeamRole role) {
        return new Caller(user, List.of(new TeamMembership(TEAM, role)), Set.of(), Optional.empty());
    }

    Webhook register(Caller who, List<WebhookEvent> events, List<String> projects) {
        return webhooks.create(new CreateWebhookCommand(who, TeamSelector.NONE, "https://hooks.example.com/in", events, projects)).webhook();
    }

    Configuration install(Caller who, List<String> scopes, ProjectSelection selection, List<String> projects) {
        return configurations.install(new InstallCommand(who, TeamSelector.NONE, "slack", scopes, selection, projects, null));
    }

    List<String> bodiesFor(String target) {
        return hooks.deliveries.stream().filter(d -> d.targetId().equals(target)).map(Delivery::body).toList();
    }

    @Test
    void registrationAnswersTheSecretOnceAndChecksTheUrl() {
        CreatedWebhook created = webhooks.create(new CreateWebhookCommand(dev, TeamSelector.NONE, "https://hooks.example.com/in",
                List.of(WebhookEvent.REMOVED), List.of("prj_a", "prj_a")));
        assertThat(created.webhook().id()).matches("hook_[0-9A-Za-z]{24}");
        assertThat(created.webhook().ownerId()).isEqualTo(TEAM);
        assertThat(created.webhook().projectIds()).containsExactly("prj_a");
        assertThat(created.secret()).hasSizeGreaterThanOrEqualTo(24).isEqualTo(hooks.secrets.get(created.webhook().id()));
        for (String url : List.of("http://hooks.example.com/in", "https://inside.example.com/", "https://metadata.example.com/",
                "https://nowhere.example.com/", "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/", "not a url")) {
            assertProblem(() -> webhooks.create(new CreateWebhookCommand(dev, TeamSelector.NONE, url, List.of(WebhookEvent.REMOVED), null)),
                    ErrorKind.VALIDATION_FAILED, "url");
        }
        assertProblem(() -> webhooks.create(new CreateWebhookCommand(dev, TeamSelector.NONE, "https://hooks.example.com/", List.of(), null)),
                ErrorKind.VALIDATION_FAILED, "events");
        assertProblem(() -> webhooks.create(new CreateWebhookCommand(dev, TeamSelector.NONE, "https://hooks.example.com/",
                List.of(WebhookEvent.REMOVED), List.of("nope"))), ErrorKind.VALIDATION_FAILED, "projectIds[0]");
        assertProblem(() -> register(viewer, List.of(WebhookEvent.REMOVED), null), ErrorKind.FORBIDDEN, null);
    }

    @Test
    void membersReadManagersDeleteOthersSeeNothing() {
        Webhook team = register(dev, List.of(WebhookEvent.REMOVED), null);
        Webhook personal = register(loner, List.of(WebhookEvent.REMOVED), null);
        assertThat(webhooks.get(viewer, TeamSelector.NONE, team.id()).id()).isEqualTo(team.id());
        assertThat(webhooks.list(viewer, TeamSelector.NONE, null)).extracting(Webhook::id).containsExactly(team.id());
        assertThat(webhooks.list(loner, TeamSelector.NONE, null)).extracting(Webhook::id).containsExactly(personal.id());
        assertProblem(() -> webhooks.get(stranger, TeamSelector.NONE, team.id()), ErrorKind.NOT_FOUND, null);
        assertProblem(() -> webhooks.get(dev, TeamSelector.NONE, personal.id()), ErrorKind.NOT_FOUND, null);
        assertProblem(() -> webhooks.delete(viewer, TeamSelector.NONE, team.id()), ErrorKind.FORBIDDEN, null);
        assertProblem(() -> webhooks.list(stranger, new TeamSelector(TEAM, null, null), null), ErrorKind.FORBIDDEN, null);
        webhooks.delete(owner, TeamSelector.NONE, team.id());
        assertProblem(() -> webhooks.get(dev, TeamSelector.NONE, team.id()), ErrorKind.NOT_FOUND, null);
    }

    @Test
    void aDeleteAndAPatchThatAddsScopesReachTheOwnersWebhooksThatAskedForThem() {
        memberships.putTeam(owner, TEAM, "acme", Plan.PRO);
        Webhook removed = register(dev, List.of(WebhookEvent.REMOVED), null);
        Webhook upgrades = register(dev, List.of(WebhookEvent.PERMISSION_UPGRADED, WebhookEvent.SCOPE_CHANGE_CONFIRMED), null);
        Webhook otherProject = register(dev, List.of(WebhookEvent.REMOVED, WebhookEvent.PERMISSION_UPGRADED), List.of("prj_other"));
        Webhook elsewhere = register(loner, List.of(WebhookEvent.REMOVED), null);
        Configuration c = install(dev, List.of("read:project"), ProjectSelection.SELECTED, List.of("prj_mine"));

        configurations.changeAccess(new ChangeAccessCommand(dev, TeamSelector.NONE, c.id(), List.of("read:project", "read-write:log-drain"),
                null, null, false));
        assertThat(bodiesFor(upgrades.id())).containsExactly("integration-configuration.permission-upgraded " + c.id(),
                "integration-configuration.scope-change-confirmed " + c.id());
        configurations.changeAccess(new ChangeAccessCommand(dev, TeamSelector.NONE, c.id(), List.of("read:project"), null, null, false));
        assertThat(bodiesFor(upgrades.id())).hasSize(3).last().isEqualTo("integration-configuration.scope-change-confirmed " + c.id());
        configurations.changeAccess(new ChangeAccessCommand(dev, TeamSelector.NONE, c.id(), null, ProjectSelection.SELECTED, List.of("prj_two"),
                true));
        assertThat(bodiesFor(upgrades.id())).as("project access alone has no event").hasSize(3);

        configurations.delete(dev, TeamSelector.NONE, c.id());
        assertThat(bodiesFor(removed.id())).containsExactly("integration-configuration.removed " + c.id());
        assertThat(bodiesFor(otherProject.id())).as("the configuration has no access to prj_other").isEmpty();
        assertThat(bodiesFor(elsewhere.id())).isEmpty();
        Delivery d = hooks.deliveries.stream().filter(x -> x.targetId().equals(removed.id())).findFirst().orElseThrow();
        assertThat(d.id()).matches("dlv_[0-9A-Za-z]{24}");
        assertThat(d.eventId()).matches("evt_[0-9A-Za-z]{24}");
        assertThat(d.targetKind()).isEqualTo(DeliveryTarget.WEBHOOK);
    }

    @Test
    void aTransferTellsTheOldAndTheNewOwnerAndAppWebhooksHearEverything() {
        memberships.putTeam(owner, TEAM, "acme", Plan.PRO);
        memberships.putTeam(admin, "team_two", "two", Plan.PRO);
        memberships.putMember(admin, "team_two", "devUser", TeamRole.DEVELOPER);
        dns.put("partner.example.com", dns.get("hooks.example.com"));
        apps.update("slack", new AppCommand(admin, null, null, null, null, null, null, false, null, null, null, "https://partner.example.com/h",
                true));
        Webhook before = register(dev, List.of(WebhookEvent.TRANSFERRED), null);
        Caller both = new Caller("devUser", List.of(new TeamMembership(TEAM, TeamRole.OWNER), new TeamMembership("team_two", TeamRole.OWNER)),
                Set.of(), Optional.empty());
        Webhook after = webhooks.create(new CreateWebhookCommand(both, new TeamSelector("team_two", null, null), "https://hooks.example.com/2",
                List.of(WebhookEvent.TRANSFERRED), null)).webhook();
        Configuration c = install(dev, null, null, null);
        configurations.transfer(new TransferCommand(both, TeamSelector.NONE, c.id(), "devUser", "team_two"));
        assertThat(bodiesFor(before.id())).containsExactly("integration-configuration.transferred " + c.id());
        assertThat(bodiesFor(after.id())).containsExactly("integration-configuration.transferred " + c.id());
        String appId = stores.findByIdOrSlug("slack").orElseThrow().id();
        assertThat(bodiesFor(appId)).containsExactly("integration-configuration.transferred " + c.id());

        memberships.putTeam(admin, "team_two", null, Plan.HOBBY);
        assertThat(bodiesFor(appId)).as("the plan downgrade disables it").hasSize(2).last()
                .isEqualTo("integration-configuration.disabled " + c.id());
    }

    @Test
    void appClientSecretsAreAnsweredOnCreationAndRotationAndRotateAtOnce() {
        CreatedApp created = apps.create(new AppCommand(admin, "rot", "Rot", null, List.of(), false, TEAM, true, null, null, null));
        assertThat(created.clientSecret()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(stores.clientSecret(created.app().id())).contains(created.clientSecret());
        CreatedApp rotated = apps.rotateSecret(owner, "rot");
        assertThat(rotated.clientSecret()).isNotEqualTo(created.clientSecret());
        assertThat(stores.clientSecret(created.app().id())).contains(rotated.clientSecret());
        assertProblem(() -> apps.rotateSecret(viewer, "rot"), ErrorKind.FORBIDDEN, null);
        assertProblem(() -> apps.update("rot", new AppCommand(admin, null, null, null, null, null, null, false, null, null, null,
                "https://inside.example.com/", true)), ErrorKind.VALIDATION_FAILED, "webhookUrl");
        assertThat(apps.get("rot").toString()).doesNotContain(rotated.clientSecret());
    }
}
