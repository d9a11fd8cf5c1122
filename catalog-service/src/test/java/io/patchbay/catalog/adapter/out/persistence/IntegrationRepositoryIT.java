package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.T0;
import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.id;
import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.integration;
import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link IntegrationRepository} on PostgreSQL with the real migrations: round trips, the unique name, and every query on its index. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationRepositoryIT implements TestPropertyProvider {
    private static final String[] NONE = new String[0];
    /** Both lead with team_id; the planner takes either for a team's rows. */
    private static final List<String> TEAM_INDEXES = List.of("integration_team_name", "integration_team_order");

    @Inject
    IntegrationRepository integrations;

    private String jdbcUrl;
    private QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestInfra.get().newDatabase("catalog_repo_integration");
        plans = new QueryPlans(jdbcUrl);
        return RepositoryTests.properties(jdbcUrl);
    }

    @Test
    void everyColumnRoundTripsIncludingJsonArraysAndTimestamps() {
        Instant synced = Instant.parse("2026-03-04T05:07:00.654321Z");
        var full = new IntegrationRow(id("int_", 1), "team_rt", "Round Trip", "postgresql", "RESOURCES", "patchbay-builtin", "Disabled",
                "Warning", "discovered 3 resources; schema hr unreadable", synced, Map.of("hostname", "db.internal", "port", "5432"), "apono",
                Map.of("username", "v1:k1:sealed-u", "password", "v1:k1:sealed-p"), List.of("postgresql-table", "postgresql-schema"),
                "ask #data-platform", new IntegrationRow.OwnerJson("user", List.of("ann@example.com", "bob@example.com"), id("int_", 9), "IdP"),
                new IntegrationRow.OwnerMappingJson("owner", "group", null, "okta"), "icfg_abc", 7, T0, synced, "alice", "lifecycle");
        integrations.save(full);
        assertThat(integrations.findById(full.id())).contains(full);

        var minimal = integration(id("int_", 2), "team_rt", "Minimal");
        integrations.save(minimal);
        IntegrationRow read = integrations.findById(minimal.id()).orElseThrow();
        assertThat(read).isEqualTo(minimal);
        assertThat(read.connectedResourceTypes()).as("null means all types: not an empty list").isNull();

        var changed = RepositoryTests.linked(RepositoryTests.renamed(read, "Minimal renamed"), "icfg_x");
        integrations.update(changed);
        assertThat(integrations.findByIdForUpdate(minimal.id())).contains(changed);
        integrations.deleteById(minimal.id());
        assertThat(integrations.findById(minimal.id())).isEmpty();
    }

    @Test
    void namesAreUniquePerTeamIgnoringCaseOnInsertAndRename() {
        integrations.save(integration(id("int_", 10), "team_uq", "Orders DB"));
        assertThatThrownBy(() -> integrations.save(integration(id("int_", 11), "team_uq", "orders db")))
                .isInstanceOf(DuplicateKeyException.class);
        integrations.save(integration(id("int_", 12), "team_other_uq", "ORDERS DB"));
        var second = integration(id("int_", 13), "team_uq", "Payments DB");
        integrations.save(second);
        assertThatThrownBy(() -> integrations.update(RepositoryTests.renamed(second, "ORDERS db"))).isInstanceOf(DuplicateKeyException.class);
        assertThat(integrations.findById(second.id()).orElseThrow().name()).isEqualTo("Payments DB");
    }

    @Test
    void textPostgresqlCannotStoreIsUnstorableTextWrittenOrQueried() {
        assertThatThrownBy(() -> integrations.save(integration(id("int_", 20), "team_nul", "a\u0000b")))
                .isInstanceOf(UnstorableTextException.class);
        assertThatThrownBy(() -> integrations.findByTeamIdAndNameIgnoreCase("team_nul", "a\u0000b")).isInstanceOf(UnstorableTextException.class);
        assertThatThrownBy(() -> integrations.page("team_nul", "a\u0000%", NONE, NONE, NONE, NONE, "", "", 10))
                .isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void pagesFilterAndFollowTheKeysetOnTheTeamOrderIndex() {
        String team = "team_page";
        int n = 0;
        for (String name : List.of("beta", "Alpha", "gamma_1", "gamma%2", "Delta")) {
            integrations.save(RepositoryTests.withConnector(integration(id("int_", 100 + n++), team, name), n % 2 == 0 ? "edge" : "patchbay-builtin",
                    n % 2 == 0 ? "Active" : "Error"));
        }
        integrations.save(integration(id("int_", 199), "team_page_other", "Aardvark"));
        assertThat(names(integrations.page(team, null, NONE, NONE, NONE, NONE, "", "", 10)))
                .containsExactly("Alpha", "beta", "Delta", "gamma%2", "gamma_1");
        assertThat(names(integrations.page(team, null, NONE, NONE, NONE, NONE, "beta", id("int_", 100), 2))).containsExactly("Delta", "gamma%2");
        assertThat(names(integrations.page(team, "gamma\\_%", NONE, NONE, NONE, NONE, "", "", 10))).containsExactly("gamma_1");
        assertThat(names(integrations.page(team, null, new String[] {"kaf%", "post%"}, new String[] {"resources"}, new String[] {"edge"},
                new String[] {"Active"}, "", "", 10))).containsExactly("Alpha", "gamma%2");
        assertThat(names(integrations.pageByOffset(team, 2, 3))).containsExactly("gamma%2", "gamma_1");
        assertThat(integrations.countByTeamId(team)).isEqualTo(5);
        assertThat(integrations.existsByTeamIdAndConnectorId(team, "edge")).isTrue();
        assertThat(integrations.existsByTeamIdAndConnectorId("team_page_other", "edge")).isFalse();
        assertThat(integrations.findByTeamIdAndNameIgnoreCase(team, "GAMMA_1").map(IntegrationRow::name)).contains("gamma_1");
        assertThat(integrations.findByTeamIdAndNameIgnoreCase(team, "gamma_%")).as("no wildcards in an exact name").isEmpty();
        assertThat(integrations.findByIdAndTeamId(id("int_", 199), team)).isEmpty();

        String[] all = {"x%"};
        plans.assertServedBy("integration_team_order", true,
                QueryPlans.sqlOf(() -> integrations.page(team, null, NONE, NONE, NONE, NONE, "", "", 101)),
                team, null, null, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, "", "", 101);
        plans.assertServedBy("integration_team_order", true,
                QueryPlans.sqlOf(() -> integrations.page(team, "%a%", all, all, all, all, "beta", "int_x", 101)),
                team, "%a%", "%a%", all, all, all, all, all, all, all, all, "beta", "int_x", 101);
        plans.assertServedBy("integration_team_order", true, QueryPlans.sqlOf(() -> integrations.pageByOffset(team, 100, 200)), team, 100, 200);
        plans.assertServedByOneOf(TEAM_INDEXES, true, QueryPlans.sqlOf(() -> integrations.countByTeamId(team)), team);
        plans.assertServedByOneOf(TEAM_INDEXES, true, QueryPlans.sqlOf(() -> integrations.existsByTeamIdAndConnectorId(team, "edge")), team,
                "edge");
    }

    @Test
    void lookupsUseTheirIndexes() {
        String id = id("int_", 300);
        plans.assertServedBy("integration_pkey", true, QueryPlans.sqlOf(() -> integrations.findById(id)), id);
        plans.assertServedBy("integration_pkey", true, QueryPlans.sqlOf(() -> integrations.findByIdForUpdate(id)), id);
        plans.assertServedByOneOf(List.of("integration_pkey", "integration_team_order"), true,
                QueryPlans.sqlOf(() -> integrations.findByIdAndTeamId(id, "team_x")), id, "team_x");
        String byName = QueryPlans.sqlOf(() -> integrations.findByTeamIdAndNameIgnoreCase("team_x", "Orders"));
        plans.assertServedByOneOf(TEAM_INDEXES, true, byName, "team_x", "Orders");
        assertThat(plans.plans(byName, "team_x", "Orders")).as("lower(name) is an index condition, not a filter")
                .allSatisfy(plan -> assertThat(plan).containsPattern("Index Cond: .*lower\\(name\\) ="));
        // few rows per configuration: the index finds them, a sort puts them in lock order
        String[] batch = {"icfg_1", "icfg_2"};
        plans.assertServedBy("integration_configuration", false,
                QueryPlans.sqlOf(() -> integrations.lockByConfigurationIds(batch)), (Object) batch);
    }

    @Test
    void theLinkedIntegrationsOfABatchsConfigurationsComeLockedInConfigurationAndIdOrder() throws Exception {
        integrations.save(RepositoryTests.linked(integration(id("int_", 402), "team_lk", "L2"), "icfg_lk"));
        integrations.save(RepositoryTests.linked(integration(id("int_", 401), "team_lk2", "L1"), "icfg_lk"));
        integrations.save(integration(id("int_", 403), "team_lk", "not linked"));
        integrations.save(RepositoryTests.linked(integration(id("int_", 400), "team_lk", "L0"), "icfg_lk2"));
        assertThat(integrations.lockByConfigurationIds(new String[] {"icfg_lk2", "icfg_lk"})).extracting(IntegrationRow::id)
                .containsExactly(id("int_", 401), id("int_", 402), id("int_", 400));
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM integration WHERE configuration_id = 'icfg_lk'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }
}
