package io.patchbay.catalog.application;

import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.catalog.domain.ResourceStatus;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.catalog.application.port.out.DiscoverySettings;
import io.patchbay.kernel.auth.NamedTeam;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static io.patchbay.catalog.application.CatalogFixture.OWNER;
import static io.patchbay.catalog.application.CatalogFixture.VIEWER;
import static io.patchbay.catalog.application.CatalogFixture.apono;
import static io.patchbay.catalog.application.CatalogFixture.db;
import static org.assertj.core.api.Assertions.assertThat;

/** The discovery workers' use case against in-memory ports and scripted connectors. */
class DiscoveryUseCasesTest {
    private final CatalogFixture f = new CatalogFixture();

    private Integration create(IntegrationSpec spec) {
        return f.integrations.create(OWNER, NamedTeam.NONE, spec);
    }

    private Integration stored(String id) {
        return f.ports.integrations.get(id);
    }

    private List<Resource> resources(String id) {
        return f.inventory.resources(VIEWER, NamedTeam.NONE, id, null, 1000, 0).items();
    }

    @Test
    void aDiscoveryEndsActiveWithTheResourcesAndTheOpenedCredentials() {
        Integration created = create(db("Orders"));
        assertThat(f.discovery().runNext("w1")).isTrue();
        assertThat(f.discovery().runNext("w1")).as("nothing else is due").isFalse();
        Integration synced = stored(created.id());
        assertThat(synced.status()).isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(synced.lastSyncTime()).isEqualTo(f.clock.instant());
        assertThat(synced.details()).isEqualTo("discovered 3 resources and 1 permissions");
        assertThat(resources(created.id())).extracting(Resource::name).containsExactlyInAnyOrder("public", "public.a", "public.b");
        var request = f.db.requests.getFirst();
        assertThat(request.credentials()).as("the connector gets the opened secret").containsEntry("password", "pw-1").containsEntry("username", "reader");
        assertThat(request.config()).containsEntry("hostname", "db.internal").containsEntry("port", "5432");
        assertThat(request.resourceTypes()).containsExactlyInAnyOrder("testdb-schema", "testdb-table");
        assertThat(f.ports.jobsOf(created.id())).singleElement().satisfies(j -> {
            assertThat(j.state).isEqualTo("done");
            assertThat(j.outcome).isEqualTo("Active");
        });
    }

    @Test
    void goneResourcesAreKeptAsDeletedAndComeBackWhenFoundAgain() {
        Integration created = create(db("Orders"));
        f.discovery().runNext("w1");
        String bId = resources(created.id()).stream().filter(r -> r.name().equals("public.b")).findFirst().orElseThrow().id();
        f.db.answer = r -> CatalogFixture.tables(r.resourceTypes(), "a");
        f.integrations.refresh(OWNER, NamedTeam.NONE, created.id());
        assertThat(stored(created.id()).status()).isEqualTo(IntegrationStatus.REFRESHING);
        f.discovery().runNext("w1");
        Resource b = resources(created.id()).stream().filter(r -> r.id().equals(bId)).findFirst().orElseThrow();
        assertThat(b.status()).isEqualTo(ResourceStatus.DELETED);
        f.db.answer = r -> CatalogFixture.tables(r.resourceTypes(), "a", "b");
        f.integrations.refresh(OWNER, NamedTeam.NONE, created.id());
        f.discovery().runNext("w1");
        assertThat(resources(created.id())).filteredOn(r -> r.id().equals(bId)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ResourceStatus.ACTIVE));
    }

    @Test
    void onlyConnectedResourceTypesAreReadAndTheOthersAreSwept() {
        Integration created = create(db("Orders"));
        f.discovery().runNext("w1");
        f.integrations.replace(OWNER, NamedTeam.NONE, created.id(), db("Orders", Map.of("hostname", "db.internal"), apono(SecretStore.MASK,
                SecretStore.MASK), List.of("testdb-table"), null));
        f.discovery().runNext("w1");
        assertThat(f.db.requests.getLast().resourceTypes()).containsExactly("testdb-table");
        assertThat(resources(created.id())).filteredOn(r -> r.type().equals("testdb-schema")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ResourceStatus.DELETED));
    }

    @Test
    void aPartialReadIsAWarningAndSweepsOnlyWhatWasReadCompletely() {
        Integration created = create(db("Orders"));
        f.discovery().runNext("w1");
        f.db.answer = r -> new DiscoveryResult(List.of(), List.of(), Set.of("testdb-schema"), List.of("could not read testdb-table: denied"), null);
        f.integrations.refresh(OWNER, NamedTeam.NONE, created.id());
        f.discovery().runNext("w1");
        Integration warned = stored(created.id());
        assertThat(warned.status()).isEqualTo(IntegrationStatus.WARNING);
        assertThat(warned.details()).contains("could not read testdb-table: denied");
        assertThat(resources(created.id())).filteredOn(r -> r.type().equals("testdb-table"))
                .as("tables that could not be read are not declared gone").allSatisfy(r -> assertThat(r.status()).isEqualTo(ResourceStatus.ACTIVE));
        assertThat(resources(created.id())).filteredOn(r -> r.type().equals("testdb-schema"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ResourceStatus.DELETED));
    }

    @Test
    void anErrorKeepsTheInventoryAndTheLastSyncTime() {
        Integration created = create(db("Orders"));
        f.discovery().runNext("w1");
        var syncedAt = stored(created.id()).lastSyncTime();
        f.clock.advance(Duration.ofMinutes(5));
        f.db.answer = r -> DiscoveryResult.failed("could not connect: password authentication failed for user \"reader\"");
        f.integrations.refresh(OWNER, NamedTeam.NONE, created.id());
        f.discovery().runNext("w1");
        Integration failed = stored(created.id());
        assertThat(failed.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(failed.details()).contains("password authentication failed")
                .as("the source's answer repeated the secret parameter 'username'").doesNotContain("reader").contains("[redacted]");
        assertThat(failed.lastSyncTime()).isEqualTo(syncedAt);
        assertThat(resources(created.id())).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(ResourceStatus.ACTIVE));
    }

    @Test
    void externalSecretStoresAndForeignConnectorsEndInErrorWithoutCallingTheConnector() {
        Integration aws = create(db("In AWS", Map.of("hostname", "h"), new SecretStore(SecretStore.Kind.AWS, Map.of("region", "eu-west-1",
                "secret_id", "prod/db")), null, null));
        f.discovery().runNext("w1");
        assertThat(stored(aws.id()).status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(stored(aws.id()).details()).contains("aws (region=eu-west-1, secret_id=prod/db)").contains("cannot reach");
        f.connectors.upsert(OWNER, NamedTeam.NONE, "edge", "Edge");
        Integration edge = create(new IntegrationSpec("On edge", "testdb", "edge", Map.of("hostname", "h"), apono("u", "p"), null, null, null,
                null, false, null));
        f.discovery().runNext("w1");
        assertThat(stored(edge.id()).details()).contains("connector 'edge' is not connected");
        assertThat(f.db.requests).isEmpty();
    }

    @Test
    void aConnectorThatHangsIsStoppedAtTheJobTimeout() {
        f.settings = new DiscoverySettings(Duration.ofMillis(200), Duration.ofSeconds(30), 3);
        CountDownLatch never = new CountDownLatch(1);
        f.db.answer = r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DiscoveryResult.failed("interrupted");
        };
        Integration created = create(db("Slow"));
        long started = System.nanoTime();
        f.discovery().runNext("w1");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(stored(created.id()).status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(stored(created.id()).details()).contains("did not finish within");
    }

    @Test
    void aConnectorThatThrowsEndsInErrorNotInACrashedWorker() {
        f.db.answer = r -> {
            throw new IllegalStateException("driver bug");
        };
        Integration created = create(db("Buggy"));
        assertThat(f.discovery().runNext("w1")).isTrue();
        assertThat(stored(created.id()).status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(stored(created.id()).details()).contains("driver bug");
    }

    @Test
    void aResultForAnOlderRevisionIsDroppedAndTheNewerJobApplies() {
        Integration created = create(db("Orders"));
        f.db.answer = r -> {
            // the settings change while the connector runs
            f.integrations.replace(OWNER, NamedTeam.NONE, created.id(), db("Orders", Map.of("hostname", "moved.internal"), apono(SecretStore.MASK,
                    SecretStore.MASK), null, null));
            f.db.answer = r2 -> CatalogFixture.tables(r2.resourceTypes(), "moved");
            return CatalogFixture.tables(r.resourceTypes(), "stale");
        };
        f.discovery().runNext("w1");
        assertThat(f.ports.jobsOf(created.id())).anyMatch(j -> j.state.equals("skipped") && j.outcome.contains("superseded"));
        assertThat(resources(created.id())).isEmpty();
        f.discovery().runNext("w1");
        assertThat(resources(created.id())).extracting(Resource::name).contains("public.moved").doesNotContain("public.stale");
        assertThat(stored(created.id()).status()).isEqualTo(IntegrationStatus.ACTIVE);
    }

    @Test
    void aLeaseThatRanOutIsClaimedAgainAndAJobThatKeepsDyingIsAbandoned() {
        Integration created = create(db("Crashy"));
        var claimed = f.steps.claim("dead-1", f.clock.instant(), f.clock.instant().plus(f.settings.lease()));
        assertThat(claimed).isPresent();
        assertThat(f.discovery().runNext("w1")).as("the lease still holds").isFalse();
        f.clock.advance(f.settings.lease().plusSeconds(1));
        f.steps.claim("dead-2", f.clock.instant(), f.clock.instant().plus(f.settings.lease()));
        f.clock.advance(f.settings.lease().plusSeconds(1));
        f.steps.claim("dead-3", f.clock.instant(), f.clock.instant().plus(f.settings.lease()));
        f.clock.advance(f.settings.lease().plusSeconds(1));
        assertThat(f.discovery().runNext("w1")).isTrue();
        Integration abandoned = stored(created.id());
        assertThat(abandoned.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(abandoned.details()).contains("did not complete in 3 attempts");
        assertThat(f.db.requests).isEmpty();
        assertThat(f.steps.claim("late", f.clock.instant(), f.clock.instant())).isEmpty();
        // after one death, the next worker finishes it
        Integration second = create(db("Once"));
        f.steps.claim("dead", f.clock.instant(), f.clock.instant().plus(f.settings.lease()));
        f.clock.advance(f.settings.lease().plusSeconds(1));
        f.discovery().runNext("w2");
        assertThat(stored(second.id()).status()).isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(f.ports.jobsOf(second.id())).singleElement().satisfies(j -> {
            assertThat(j.attempts).isEqualTo(2);
            assertThat(j.leaseOwner).isEqualTo("w2");
        });
    }
}
