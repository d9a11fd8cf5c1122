package io.patchbay.environment.application;

import io.patchbay.environment.application.port.in.InstallCommand;
import io.patchbay.environment.application.port.in.UpdateInstallCommand;
import io.patchbay.environment.application.port.in.InstallView;
import io.patchbay.environment.application.port.in.CreateIntegrationCommand;
import io.patchbay.environment.domain.Lifecycle;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.web.ProblemResponses;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.secret.SecretBox;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against in-memory ports: sharing, links and the projection, If-Match, lifecycle events. */
class EnvironmentIntegrationUseCasesTest {
    private final InMemoryStores stores = new InMemoryStores();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00.123Z"), ZoneOffset.UTC);
    private final SecretBox box = SecretBox.ofBase64Key("k1", "cGF0Y2hiYXktZGV2LWtleS1ub3QtZm9yLXByb2QhISE=");
    private final InMemoryStores.UseCases useCases = stores.useCases(clock, box);
    private final IntegrationService integrations = useCases.integrations();
    private final EnvironmentService environments = useCases.environments();
    private final EnvironmentIntegrationService installs = useCases.installs();
    private final LifecycleService lifecycle = useCases.lifecycle();

    private static Caller caller(String user, String team, TeamRole role) {
        return new Caller(user, List.of(new TeamMembership(team, role)), Set.of(), Optional.empty());
    }

    private final Caller publisher = caller("pub", "team_pub", TeamRole.OWNER);
    private final Caller consumer = caller("con", "team_con", TeamRole.DEVELOPER);

    private UUID integration(Sharing sharing) {
        return integrations.create(publisher, new CreateIntegrationCommand(NamedTeam.NONE, "app-" + PublishedNames.NAMES.name(sharing), "crm", false,
                Map.of("base_url", "https://api.example.com"), sharing)).integration().id();
    }

    private UUID environment(Caller owner) {
        return environments.create(owner, NamedTeam.NONE, "env-" + UUID.randomUUID()).id();
    }

    private static ErrorKind kind(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e.kind();
        } catch (DomainException e) {
            return ProblemResponses.problemOf(e).kind();
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void sharingDecidesCrossTeamInstalls() {
        UUID env = environment(consumer);
        InstallView allowed = installs.install(consumer, new InstallCommand(integration(Sharing.ALLOW), env, null, null, null, null));
        assertThat(allowed.install().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        InstallView asked = installs.install(consumer, new InstallCommand(integration(Sharing.ASK), env, true, null, null, null));
        assertThat(asked.install().lifecycle()).isEqualTo(Lifecycle.PENDING_APPROVAL);
        assertThat(asked.install().enabled()).isFalse();
        UUID denied = integration(Sharing.DENY);
        assertThat(kind(() -> installs.install(consumer, new InstallCommand(denied, env, null, null, null, null)))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(installs.install(publisher, new InstallCommand(denied, environment(publisher), null, null, null, null)).install().lifecycle())
                .isEqualTo(Lifecycle.ACTIVE);
        assertThat(kind(() -> installs.approve(consumer, asked.install().id()))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(installs.approve(publisher, asked.install().id()).install().enabled()).isTrue();
    }

    @Test
    void linksUseConfigServiceAndTheProjectionAndFailuresWriteNothing() {
        UUID app = integration(Sharing.ALLOW);
        stores.configurations.put("icfg_active000000000000000000", Optional.empty());
        stores.configurations.put("icfg_off000000000000000000000", Optional.of("disabled-by-admin"));
        assertThat(installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, null, new ConfigurationId("icfg_active000000000000000000"))).install()
                .lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        InstallView off = installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, null, new ConfigurationId("icfg_off000000000000000000000")));
        assertThat(off.install().disabledReason()).isEqualTo("disabled-by-admin");
        int before = stores.installs.size();
        assertThat(kind(() -> installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, null, new ConfigurationId("icfg_unknown00000000000000000")))))
                .isEqualTo(ErrorKind.UNPROCESSABLE);
        assertThat(stores.installs).hasSize(before);

        stores.projections.put("icfg_active000000000000000000", new InMemoryStores.ProjectedState(InMemoryStores.State.DISABLED,
                "account-plan-downgrade"));
        InstallView late = installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, null, new ConfigurationId("icfg_active000000000000000000")));
        assertThat(late.install().lifecycle()).isEqualTo(Lifecycle.DISABLED);
        assertThat(late.install().disabledReason()).isEqualTo("account-plan-downgrade");

        stores.projections.put("icfg_active000000000000000000", new InMemoryStores.ProjectedState(InMemoryStores.State.DELETED, null));
        int calls = stores.linkCalls;
        assertThat(kind(() -> installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, null, new ConfigurationId("icfg_active000000000000000000")))))
                .isEqualTo(ErrorKind.UNPROCESSABLE);
        assertThat(stores.linkCalls).as("a deleted configuration is refused without asking config-service").isEqualTo(calls);
        assertThat(kind(() -> installs.install(consumer, new InstallCommand(app, environment(consumer), null, null,
                Map.of("nonsense", 1), new ConfigurationId("icfg_off000000000000000000000"))))).isEqualTo(ErrorKind.VALIDATION_FAILED);
        assertThat(stores.linkCalls).as("bad input is refused before the remote call").isEqualTo(calls);
    }

    @Test
    void ifMatchMustMatchTheCurrentEtag() {
        InstallView view = installs.install(consumer, new InstallCommand(integration(Sharing.ALLOW), environment(consumer), null, null, null, null));
        UUID id = view.install().id();
        installs.patch(consumer, id, new UpdateInstallCommand(false, null, null, "\"1\""));
        assertThat(kind(() -> installs.patch(consumer, id, new UpdateInstallCommand(true, null, null, "\"1\"")))).isEqualTo(ErrorKind.PRECONDITION_FAILED);
        assertThat(kind(() -> installs.mergeOverride(consumer, id, Map.of("label", "x"), "W/\"1\""))).isEqualTo(ErrorKind.PRECONDITION_FAILED);
        assertThat(installs.mergeOverride(consumer, id, Map.of("label", "x"), "W/\"2\"").maskedOverride()).isEqualTo(Map.of("label", "x"));
    }

    @Test
    void lifecycleEventsDisableRestoreAndUninstall() {
        UUID app = integration(Sharing.ALLOW);
        stores.configurations.put("icfg_c00000000000000000000000", Optional.empty());
        UUID on = installs.install(consumer, new InstallCommand(app, environment(consumer), true, null, null, new ConfigurationId("icfg_c00000000000000000000000"))).install().id();
        UUID off = installs.install(consumer, new InstallCommand(app, environment(consumer), false, null, null, new ConfigurationId("icfg_c00000000000000000000000"))).install().id();
        applyEvent(new ConfigurationDisabled("icfg_c00000000000000000000000", "oac_x", "slack", "team_con", "team_con", "con", 2, 1, 1, "disabled-by-owner"));
        assertThat(stores.installs.get(on).enabled()).isFalse();
        assertThat(stores.installs.get(on).lifecycle()).isEqualTo(Lifecycle.DISABLED);
        assertThat(kind(() -> installs.patch(consumer, on, new UpdateInstallCommand(null, true, null, null)))).isEqualTo(ErrorKind.CONFLICT);
        applyEvent(new ConfigurationEnabled("icfg_c00000000000000000000000", "oac_x", "slack", "team_con", "team_con", "con", 3, 1, 1, "disabled-by-owner"));
        assertThat(stores.installs.get(on).enabled()).isTrue();
        assertThat(stores.installs.get(off).enabled()).isFalse();
        applyEvent(new ConfigurationDeleted("icfg_c00000000000000000000000", "oac_x", "slack", "team_con", "team_con", "con", 4, 1, 1, null));
        assertThat(stores.installs).doesNotContainKeys(on, off);
    }

    @Test
    void oncePresentTheProjectionDecidesUnderTheConfigurationLock() {
        UUID app = integration(Sharing.ALLOW);
        stores.configurations.put("icfg_racy00000000000000000000", Optional.of("disabled-by-owner"));
        stores.projections.put("icfg_racy00000000000000000000", new InMemoryStores.ProjectedState(InMemoryStores.State.ACTIVE, null));
        InstallView view = installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, null, new ConfigurationId("icfg_racy00000000000000000000")));
        assertThat(view.install().lifecycle()).as("an enable applied after config-service answered wins").isEqualTo(Lifecycle.ACTIVE);
        assertThat(view.install().enabled()).isTrue();
        assertThat(stores.lockedConfigurations).containsExactly("icfg_racy00000000000000000000");
        applyEvent(new ConfigurationDisabled("icfg_racy00000000000000000000", "oac_x", "slack", "team_con", "team_con", "con", 9, 1, 1, "disabled-by-owner"));
        assertThat(stores.lockedConfigurations).as("the handler takes no lock of its own: the inbox holds the configuration's")
                .containsExactly("icfg_racy00000000000000000000");
        assertThat(stores.installs.get(view.install().id()).lifecycle()).isEqualTo(Lifecycle.DISABLED);
    }

    @Test
    void configsOverridesAndEffectiveConfigsAreAtMost256KiB() {
        String half = "x".repeat(150 * 1024);
        assertThat(kind(() -> integrations.create(publisher, new CreateIntegrationCommand(NamedTeam.NONE, "too-big", "crm", false,
                Map.of("label", "x".repeat(256 * 1024)), Sharing.ALLOW)))).isEqualTo(ErrorKind.VALIDATION_FAILED);
        UUID app = integrations.create(publisher, new CreateIntegrationCommand(NamedTeam.NONE, "half-full", "crm", false, Map.of("label", half),
                Sharing.ALLOW)).integration().id();
        UUID install = installs.install(consumer, new InstallCommand(app, environment(consumer), null, null, Map.of("logo", "l"), null))
                .install().id();
        assertThat(kind(() -> installs.patch(consumer, install, new UpdateInstallCommand(null, null, Map.of("logo", half), null))))
                .as("each half fits, the effective config does not").isEqualTo(ErrorKind.VALIDATION_FAILED);
        assertThat(stores.installs.get(install).override()).isEqualTo(Map.of("logo", "l"));
    }

    private void applyEvent(ConfigurationLifecycleEvent event) {
        lifecycle.apply(List.of(ReceivedLifecycleEvent.of(UUID.randomUUID(), event)));
    }
}
