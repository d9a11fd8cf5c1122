package io.patchbay.catalog.application;

import io.patchbay.catalog.application.InMemoryPorts.LinkState;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationTransferred;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patchbay.catalog.application.CatalogFixture.OWNER;
import static io.patchbay.catalog.application.CatalogFixture.apono;
import static io.patchbay.catalog.application.CatalogFixture.assertProblem;
import static io.patchbay.catalog.application.CatalogFixture.db;
import static org.assertj.core.api.Assertions.assertThat;

/** events.md for catalog-service, against in-memory ports (the Kafka and inbox side is in LifecycleIT). */
class LifecycleUseCasesTest {
    private static final String CFG = "icfg_unit00000000000000000000";
    private final CatalogFixture f = new CatalogFixture();

    private Integration linked(String name) {
        f.ports.links.put(CFG, LinkState.ACTIVE);
        return f.integrations.create(OWNER, NamedTeam.NONE, db(name, Map.of("hostname", "h"), apono("u", "p"), null, CFG));
    }

    private IntegrationStatus status(String id) {
        return f.ports.integrations.get(id).status();
    }

    private static ConfigurationDisabled disabled(long version) {
        return new ConfigurationDisabled(CFG, "oac_1", "app", "u1", "team_unit", "u1", version, 1L, 1L, "disabled-by-owner");
    }

    private static ConfigurationEnabled enabled(long version) {
        return new ConfigurationEnabled(CFG, "oac_1", "app", "u1", "team_unit", "u1", version, 1L, 1L, "disabled-by-owner");
    }

    @Test
    void disabledThenEnabledRestoresTheStatusBeforeWithoutANewDiscovery() {
        Integration a = linked("A");
        f.discovery().runNext("w");
        var syncedAt = f.ports.integrations.get(a.id()).lastSyncTime();
        apply(disabled(2));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.DISABLED);
        assertProblem(ErrorKind.CONFLICT, null, () -> f.integrations.refresh(OWNER, NamedTeam.NONE, a.id()));
        apply(disabled(3));
        assertThat(status(a.id())).as("disabling twice keeps the status to restore").isEqualTo(IntegrationStatus.DISABLED);
        apply(enabled(4));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(f.ports.integrations.get(a.id()).lastSyncTime()).isEqualTo(syncedAt);
        assertThat(f.ports.jobsOf(a.id())).noneMatch(j -> j.state.equals("queued"));
    }

    @Test
    void transferredRestoresTooAndAnErrorThatNeverSyncedIsRetried() {
        Integration a = linked("A");
        f.discovery().runNext("w");
        f.db.answer = r -> DiscoveryResult.failed("down");
        f.integrations.refresh(OWNER, NamedTeam.NONE, a.id());
        f.discovery().runNext("w");
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.ERROR);
        apply(disabled(2));
        apply(new ConfigurationTransferred(CFG, "oac_1", "app", "u2", "team_unit", "u2", 3, 1L, 1L, "u1", "u1", "team_unit"));
        assertThat(status(a.id())).as("it had synced before: the Error is back").isEqualTo(IntegrationStatus.ERROR);

        f.ports.links.put("icfg_never0000000000000000000", LinkState.ACTIVE);
        Integration never = f.integrations.create(OWNER, NamedTeam.NONE, db("Never", Map.of("hostname", "h"), apono("u", "p"), null, "icfg_never0000000000000000000"));
        f.discovery().runNext("w");
        assertThat(status(never.id())).isEqualTo(IntegrationStatus.ERROR);
        apply(new ConfigurationDisabled("icfg_never0000000000000000000", "oac_1", "app", "u1", "team_unit", "u1", 2, 1L, 1L, "disabled-by-owner"));
        apply(new ConfigurationEnabled("icfg_never0000000000000000000", "oac_1", "app", "u1", "team_unit", "u1", 3, 1L, 1L, "disabled-by-owner"));
        assertThat(status(never.id())).as("never synced: a refresh is started").isEqualTo(IntegrationStatus.REFRESHING);
        assertThat(f.ports.jobsOf(never.id())).anyMatch(j -> j.state.equals("queued"));
    }

    @Test
    void anIntegrationThatNeverSyncedGetsADiscoveryWhenEnabled() {
        Integration a = linked("Fresh");
        apply(disabled(2));
        assertThat(f.discovery().runNext("w")).isTrue();
        assertThat(f.db.requests).as("a disabled integration is not discovered").isEmpty();
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.DISABLED);
        apply(enabled(3));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.INITIALIZING);
        f.discovery().runNext("w");
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.ACTIVE);
    }

    @Test
    void aSyncThatEndsWhileDisabledIsWhatEnablingRestores() {
        Integration a = linked("Racing");
        var job = f.steps.claim("w", f.clock.instant(), f.clock.instant().plusSeconds(60)).orElseThrow();
        apply(disabled(2));
        f.steps.complete(job, "w", a.revision(), InMemoryPorts.DB, CatalogFixture.tables(java.util.Set.of("testdb-table"), "t"), f.clock.instant());
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.DISABLED);
        apply(enabled(3));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.ACTIVE);
    }

    @Test
    void deletedTakesEveryLinkedIntegrationAndNothingElse() {
        Integration a = linked("A");
        Integration b = linked("B");
        Integration free = f.integrations.create(OWNER, NamedTeam.NONE, db("Free"));
        f.discovery().runNext("w");
        f.discovery().runNext("w");
        f.discovery().runNext("w");
        apply(new ConfigurationDeleted(CFG, "oac_1", "app", "u1", "team_unit", "u1", 5, 1L, 1L, null));
        assertThat(f.ports.integrations).containsOnlyKeys(free.id());
        assertThat(f.ports.resources.values()).allSatisfy(r -> assertThat(r.integrationId()).isEqualTo(free.id()));
        assertThat(f.ports.jobs).allSatisfy(j -> assertThat(j.integrationId).isEqualTo(free.id()));
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void aPutThatLinksADisabledConfigurationDisablesTheIntegration() {
        Integration free = f.integrations.create(OWNER, NamedTeam.NONE, db("Free"));
        f.discovery().runNext("w");
        f.ports.links.put("icfg_off000000000000000000000", LinkState.DISABLED);
        Integration relinked = f.integrations.replace(OWNER, NamedTeam.NONE, free.id(), db("Free", Map.of("hostname", "db.internal"), apono("reader", "pw-1"),
                null, "icfg_off000000000000000000000"));
        assertThat(relinked.status()).isEqualTo(IntegrationStatus.DISABLED);
        assertThat(relinked.configurationId()).isEqualTo("icfg_off000000000000000000000");
    }

    @Test
    void unlinkingOrRelinkingToAnActiveConfigurationEndsTheDisabledState() {
        Integration a = linked("Stuck");
        f.discovery().runNext("w");
        apply(disabled(2));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.DISABLED);
        Integration kept = f.integrations.replace(OWNER, NamedTeam.NONE, a.id(), new IntegrationSpec("Stuck", null, null,
                Map.of("hostname", "h"), apono(SecretStore.MASK, SecretStore.MASK), null,
                null, null, null, false, null));
        assertThat(kept.status()).as("configuration_id left out keeps the link").isEqualTo(IntegrationStatus.DISABLED);
        Integration unlinked = f.integrations.replace(OWNER, NamedTeam.NONE, a.id(), new IntegrationSpec("Stuck", null, null,
                Map.of("hostname", "h"), apono(SecretStore.MASK, SecretStore.MASK), null,
                null, null, null, true, null));
        assertThat(unlinked.configurationId()).isNull();
        assertThat(unlinked.status()).isEqualTo(IntegrationStatus.ACTIVE);
        f.ports.links.put("icfg_on0000000000000000000000", LinkState.ACTIVE);
        f.ports.links.put("icfg_off200000000000000000000", LinkState.DISABLED);
        f.integrations.replace(OWNER, NamedTeam.NONE, a.id(), db("Stuck", Map.of("hostname", "h"), apono(SecretStore.MASK,
                SecretStore.MASK), null, "icfg_off200000000000000000000"));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.DISABLED);
        f.integrations.replace(OWNER, NamedTeam.NONE, a.id(), db("Stuck", Map.of("hostname", "h"), apono(SecretStore.MASK,
                SecretStore.MASK), null, "icfg_on0000000000000000000000"));
        assertThat(status(a.id())).isEqualTo(IntegrationStatus.ACTIVE);
    }

    private void apply(ConfigurationLifecycleEvent event) {
        f.lifecycle.apply(List.of(ReceivedLifecycleEvent.of(UUID.randomUUID(), event)));
    }
}
