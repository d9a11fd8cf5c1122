package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.InventoryUseCase;
import io.patchbay.catalog.application.port.in.IntegrationPage;
import io.patchbay.catalog.application.InMemoryPorts.LinkState;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.patchbay.catalog.application.CatalogFixture.DEVELOPER;
import static io.patchbay.catalog.application.CatalogFixture.MEMBER;
import static io.patchbay.catalog.application.CatalogFixture.OWNER;
import static io.patchbay.catalog.application.CatalogFixture.STRANGER;
import static io.patchbay.catalog.application.CatalogFixture.VIEWER;
import static io.patchbay.catalog.application.CatalogFixture.apono;
import static io.patchbay.catalog.application.CatalogFixture.assertProblem;
import static io.patchbay.catalog.application.CatalogFixture.db;
import static org.assertj.core.api.Assertions.assertThat;

/** The integration use cases against in-memory ports: rules, roles, secrets, links, refresh and listing. */
class IntegrationUseCasesTest {
    private final CatalogFixture f = new CatalogFixture();

    private Integration create(IntegrationSpec spec) {
        return f.integrations.create(OWNER, NamedTeam.NONE, spec);
    }

    @Test
    void theCatalogListsOnlyTypesWithAConnector() {
        assertThat(f.catalog.list()).extracting(t -> t.type()).containsExactly("testdb", "testq");
        assertProblem(ErrorKind.NOT_FOUND, null, () -> f.catalog.get("orphan"));
        assertProblem(ErrorKind.VALIDATION_FAILED, "type", () -> create(new IntegrationSpec("x", "orphan", null, Map.of(), null, null, null,
                null, null, false, null)));
    }

    @Test
    void createFillsDefaultsSealsSecretsAndQueuesADiscovery() {
        Integration created = create(db("Orders"));
        assertThat(created.status()).isEqualTo(IntegrationStatus.INITIALIZING);
        assertThat(created.connectorId()).isEqualTo(CatalogFixture.BUILT_IN);
        assertThat(created.config()).containsEntry("port", "5432").containsEntry("sslmode", "require");
        assertThat(created.category()).isEqualTo("RESOURCES");
        assertThat(created.createdBy()).isEqualTo("olga");
        String sealed = created.secretStore().fields().get("password");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("pw-1");
        assertThat(f.secrets.open(sealed)).isEqualTo("pw-1");
        assertThat(created.secretStore().visibleFields()).containsEntry("password", SecretStore.MASK);
        assertThat(f.ports.jobsOf(created.id())).singleElement().satisfies(j -> assertThat(j.state).isEqualTo("queued"));
        assertThat(f.db.requests).as("nothing is discovered inside the request").isEmpty();
    }

    @Test
    void theRulesNameTheField() {
        assertProblem(ErrorKind.VALIDATION_FAILED, "name", () -> create(db("no/slash")));
        assertProblem(ErrorKind.VALIDATION_FAILED, "config.hostname", () -> create(db("x", Map.of(), apono("u", "p"), null, null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "config.colour", () -> create(db("x", Map.of("hostname", "h", "colour", "red"),
                apono("u", "p"), null, null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "config.sslmode", () -> create(db("x", Map.of("hostname", "h", "sslmode", "maybe"),
                apono("u", "p"), null, null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "secret_store", () -> create(db("x", Map.of("hostname", "h"), null, null, null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "secret_store.apono.parameters.token", () -> create(db("x", Map.of("hostname", "h"),
                new SecretStore(SecretStore.Kind.APONO, Map.of("username", "u", "password", "p", "token", "t")), null, null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "connected_resource_types", () -> create(db("x", Map.of("hostname", "h"), apono("u", "p"),
                List.of("testq-topic"), null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "connected_resource_types", () -> create(db("x", Map.of("hostname", "h"), apono("u", "p"),
                List.of(), null)));
        assertProblem(ErrorKind.VALIDATION_FAILED, "config.hostname", () -> f.integrations.create(OWNER, NamedTeam.NONE,
                db("x", Map.of(), apono("u", "p"), null, null)));
        IntegrationSpec longDetails = new IntegrationSpec("x", "testdb", null, Map.of("hostname", "h"), apono("u", "p"), null, "d".repeat(401),
                null, null, false, null);
        assertProblem(ErrorKind.VALIDATION_FAILED, "custom_access_details", () -> create(longDetails));
        assertProblem(ErrorKind.VALIDATION_FAILED, "connector", () -> create(new IntegrationSpec("x", "testdb", "ghost", Map.of("hostname", "h"),
                apono("u", "p"), null, null, null, null, false, null)));
        assertThat(f.ports.integrations).isEmpty();
    }

    @Test
    void namesAreUniquePerTeamIgnoringCase() {
        create(db("Orders"));
        assertProblem(ErrorKind.CONFLICT, null, () -> f.integrations.create(MEMBER, NamedTeam.NONE, db("ORDERS")));
        assertThat(f.integrations.create(STRANGER, NamedTeam.NONE, db("Orders")).teamId()).isEqualTo("team_other");
    }

    @Test
    void rolesAndTenants() {
        assertProblem(ErrorKind.FORBIDDEN, null, () -> f.integrations.create(VIEWER, NamedTeam.NONE, db("Nope")));
        Integration created = f.integrations.create(DEVELOPER, NamedTeam.NONE, db("Dev made"));
        assertThat(f.integrations.get(VIEWER, NamedTeam.NONE, created.id()).name()).isEqualTo("Dev made");
        assertProblem(ErrorKind.NOT_FOUND, null, () -> f.integrations.get(STRANGER, NamedTeam.NONE, created.id()));
        assertProblem(ErrorKind.NOT_FOUND, null, () -> f.integrations.delete(STRANGER, NamedTeam.NONE, created.id()));
        assertProblem(ErrorKind.FORBIDDEN, null, () -> f.integrations.refresh(VIEWER, NamedTeam.NONE, created.id()));
        assertProblem(ErrorKind.FORBIDDEN, null, () -> f.integrations.get(OWNER, NamedTeam.header("team_other"), created.id()));
        f.integrations.delete(MEMBER, NamedTeam.NONE, created.id());
        assertProblem(ErrorKind.NOT_FOUND, null, () -> f.integrations.get(OWNER, NamedTeam.NONE, created.id()));
    }

    @Test
    void replaceKeepsMaskedSecretsRefusesATypeChangeAndRediscoversOnlyWhenConnectionSettingsChange() {
        Integration created = create(db("Orders"));
        f.steps.finish(f.steps.claim("w", f.clock.instant(), f.clock.instant().plusSeconds(60)).orElseThrow(), "w", "done", "Active",
                f.clock.instant());
        String sealed = created.secretStore().fields().get("password");
        assertProblem(ErrorKind.VALIDATION_FAILED, "type", () -> f.integrations.replace(OWNER, NamedTeam.NONE, created.id(), new IntegrationSpec("Orders",
                "testq", null, Map.of("servers", "s"), null, null, null, null, null, false, null)));

        Integration renamed = f.integrations.replace(OWNER, NamedTeam.NONE, created.id(), db("Orders renamed", Map.of("hostname", "db.internal"),
                apono(SecretStore.MASK, SecretStore.MASK), null, null));
        assertThat(renamed.secretStore().fields().get("password")).as("the mask keeps the stored value").isEqualTo(sealed);
        assertThat(renamed.revision()).as("a rename needs no discovery").isEqualTo(1);
        assertThat(f.ports.jobsOf(created.id())).noneMatch(j -> j.state.equals("queued"));

        Integration moved = f.integrations.replace(OWNER, NamedTeam.NONE, created.id(), db("Orders renamed", Map.of("hostname", "db2.internal"),
                apono(SecretStore.MASK, SecretStore.MASK), null, null));
        assertThat(moved.revision()).isEqualTo(2);
        assertThat(f.ports.jobsOf(created.id())).anyMatch(j -> j.state.equals("queued") && j.revision == 2);

        Integration noSecret = create(new IntegrationSpec("Queue", "testq", null, Map.of("servers", "s"), null, null, null, null, null, false, null));
        assertProblem(ErrorKind.VALIDATION_FAILED, "secret_store.apono.parameters.username", () -> f.integrations.replace(OWNER, NamedTeam.NONE,
                noSecret.id(), new IntegrationSpec("Queue", null, null, Map.of("servers", "s"), new SecretStore(SecretStore.Kind.APONO,
                        Map.of("username", SecretStore.MASK)), null, null, null, null, false, null)));
    }

    @Test
    void refreshIsRefusedWhileASyncIsPendingOrTheIntegrationIsDisabled() {
        Integration created = create(db("Orders"));
        assertProblem(ErrorKind.CONFLICT, null, () -> f.integrations.refresh(OWNER, NamedTeam.NONE, created.id()));
        f.ports.links.put("icfg_off000000000000000000000", LinkState.DISABLED);
        Integration off = create(db("Off", Map.of("hostname", "h"), apono("u", "p"), null, "icfg_off000000000000000000000"));
        assertThat(off.status()).isEqualTo(IntegrationStatus.DISABLED);
        assertThat(f.ports.jobsOf(off.id())).as("no discovery for a disabled integration").isEmpty();
        assertProblem(ErrorKind.CONFLICT, null, () -> f.integrations.refresh(OWNER, NamedTeam.NONE, off.id()));
        assertProblem(ErrorKind.UNPROCESSABLE, "configuration_id", () -> create(db("Ghost", Map.of("hostname", "h"), apono("u", "p"), null,
                "icfg_ghost0000000000000000000")));
    }

    @Test
    void listingFiltersWithWildcardsAndPagesByKeyset() {
        for (String name : List.of("Prod_DB", "ProdXDB", "prod", "Analytics Prod", "staging")) {
            create(db(name));
        }
        create(new IntegrationSpec("Queue prod", "testq", null, Map.of("servers", "s"), null, null, null, null, null, false, null));
        List<String> seen = new ArrayList<>();
        IntegrationFilter filter = new IntegrationFilter("*prod*", List.of("test*"), List.of("resources"), List.of(), List.of(IntegrationStatus.INITIALIZING));
        IntegrationPage page = f.integrations.list(VIEWER, NamedTeam.NONE, filter, 2, null);
        int pages = 1;
        page.items().forEach(i -> seen.add(i.name()));
        while (page.next() != null) {
            page = f.integrations.list(VIEWER, NamedTeam.NONE, filter, 2, page.next());
            page.items().forEach(i -> seen.add(i.name()));
            pages++;
        }
        assertThat(seen).containsExactly("Analytics Prod", "prod", "Prod_DB", "ProdXDB", "Queue prod");
        assertThat(pages).isEqualTo(3);
        assertThat(f.integrations.list(VIEWER, NamedTeam.NONE, new IntegrationFilter("prod_db", List.of(), List.of(), List.of(), List.of()), 10, null)
                .items()).extracting(Integration::name).containsExactly("Prod_DB");
        assertThat(f.integrations.list(VIEWER, NamedTeam.NONE, new IntegrationFilter(null, List.of("*q"), List.of(), List.of(), List.of()), 10, null)
                .items()).extracting(Integration::name).containsExactly("Queue prod");
        var byOffset = f.integrations.listByOffset(VIEWER, NamedTeam.NONE, 2, 4);
        assertThat(byOffset.total()).isEqualTo(6);
        assertThat(byOffset.items()).extracting(Integration::name).containsExactly("Queue prod", "staging");
        assertThat(f.integrations.list(STRANGER, NamedTeam.NONE, IntegrationFilter.none(), 10, null).items()).isEmpty();
    }

    @Test
    void userTagsAreLimitedAndOnlyAdminsAndPowerUsersEditThem() {
        Integration created = create(db("Tagged"));
        f.discovery().runNext("w1");
        String resourceId = f.inventory.resources(VIEWER, NamedTeam.NONE, created.id(), "testdb-table", 10, 0).items().getFirst().id();
        f.inventory.replaceTags(MEMBER, NamedTeam.NONE, resourceId, Map.of("owner", "data"));
        assertThat(f.inventory.tags(VIEWER, NamedTeam.NONE, resourceId)).containsExactly(Map.entry("owner", "data"));
        assertProblem(ErrorKind.FORBIDDEN, null, () -> f.inventory.replaceTags(DEVELOPER, NamedTeam.NONE, resourceId, Map.of("a", "b")));
        assertProblem(ErrorKind.NOT_FOUND, null, () -> f.inventory.tags(STRANGER, NamedTeam.NONE, resourceId));
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertProblem(ErrorKind.VALIDATION_FAILED, "tags", () -> f.inventory.replaceTags(OWNER, NamedTeam.NONE, resourceId, many));
        assertProblem(ErrorKind.VALIDATION_FAILED, "tags", () -> f.inventory.replaceTags(OWNER, NamedTeam.NONE, resourceId, Map.of("k".repeat(129), "v")));
        assertProblem(ErrorKind.VALIDATION_FAILED, "tags.k", () -> f.inventory.replaceTags(OWNER, NamedTeam.NONE, resourceId, Map.of("k", "v".repeat(257))));
        assertProblem(ErrorKind.VALIDATION_FAILED, InventoryUseCase.RESOURCE_TYPE, () -> f.inventory.resources(VIEWER, NamedTeam.NONE, created.id(), "testq-topic", 10, 0));
        assertThat(f.inventory.tags(VIEWER, NamedTeam.NONE, resourceId)).as("refused changes changed nothing").containsOnlyKeys("owner");
    }

    @Test
    void connectors() {
        assertThat(f.connectors.list(VIEWER, NamedTeam.NONE)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(CatalogFixture.BUILT_IN);
            assertThat(c.connected()).isTrue();
            assertThat(c.version()).isEqualTo("1.2.3");
        });
        assertProblem(ErrorKind.CONFLICT, null, () -> f.connectors.delete(OWNER, NamedTeam.NONE, CatalogFixture.BUILT_IN));
        assertProblem(ErrorKind.FORBIDDEN, null, () -> f.connectors.upsert(VIEWER, NamedTeam.NONE, "edge", "Edge"));
        assertThat(f.connectors.upsert(OWNER, NamedTeam.NONE, "edge", "Edge").connected()).isFalse();
        Integration onEdge = create(new IntegrationSpec("On edge", "testq", "edge", Map.of("servers", "s"), null, null, null, null, null, false,
                null));
        assertProblem(ErrorKind.CONFLICT, null, () -> f.connectors.delete(OWNER, NamedTeam.NONE, "edge"));
        f.integrations.delete(OWNER, NamedTeam.NONE, onEdge.id());
        f.connectors.delete(OWNER, NamedTeam.NONE, "edge");
        assertProblem(ErrorKind.NOT_FOUND, null, () -> f.connectors.get(OWNER, NamedTeam.NONE, "edge"));
        assertThat(f.connectors.upsert(OWNER, NamedTeam.NONE, CatalogFixture.BUILT_IN, "Ours").name()).isEqualTo("Ours");
    }
}
