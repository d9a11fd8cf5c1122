package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;

import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.T0;
import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ResourceRepository}: the chunk upsert keeps ids, the sweep keeps missing resources as Deleted, pages and counts on their index. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceRepositoryIT implements TestPropertyProvider {
    private static final String TABLE = "postgresql-table";
    private static final String SCHEMA = "postgresql-schema";

    @Inject
    ResourceRepository resources;
    @Inject
    IntegrationRepository integrations;

    private QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        String jdbcUrl = TestInfra.get().newDatabase("catalog_repo_resource");
        plans = new QueryPlans(jdbcUrl);
        return RepositoryTests.properties(jdbcUrl);
    }

    private String integration(int n) {
        String id = id("int_", n);
        integrations.save(RepositoryTests.integration(id, "team_res", "Source " + n));
        return id;
    }

    @Test
    void upsertInsertsThenUpdatesInPlaceAndTheSweepMarksWhatTheJobDidNotSee() {
        String integration = integration(1);
        Instant second = T0.plusSeconds(60);
        resources.upsert(integration, 1, T0, new String[] {id("res_", 1), id("res_", 2), id("res_", 3)},
                new String[] {"t/sales.orders", "t/sales.legacy", "s/sales"}, new String[] {"sales.orders", "sales.legacy", "sales"},
                new String[] {TABLE, TABLE, SCHEMA});
        assertThat(resources.findById(id("res_", 1)))
                .contains(new ResourceRow(id("res_", 1), integration, "t/sales.orders", "sales.orders", TABLE, "Active", null, 1, T0, T0));

        // the next discovery finds orders again (under a fresh id that must not replace the known one) and misses legacy
        resources.upsert(integration, 2, second, new String[] {id("res_", 91), id("res_", 92)}, new String[] {"t/sales.orders", "s/sales"},
                new String[] {"sales.orders", "sales"}, new String[] {TABLE, SCHEMA});
        assertThat(resources.findById(id("res_", 91))).as("a known key keeps its id").isEmpty();
        assertThat(resources.markMissingDeleted(integration, new String[] {TABLE}, 2, "gone", second)).isEqualTo(1);
        assertThat(resources.markMissingDeleted(integration, new String[] {TABLE}, 2, "gone", second)).as("Deleted stays Deleted, once").isZero();
        assertThat(resources.findById(id("res_", 2)))
                .contains(new ResourceRow(id("res_", 2), integration, "t/sales.legacy", "sales.legacy", TABLE, "Deleted", "gone", 1, T0, second));
        assertThat(resources.findById(id("res_", 1)).orElseThrow().seenJob()).isEqualTo(2);

        // found again: Active, message cleared, same id
        resources.upsert(integration, 3, second, new String[] {id("res_", 93)}, new String[] {"t/sales.legacy"}, new String[] {"sales.legacy"},
                new String[] {TABLE});
        assertThat(resources.findByIdForUpdate(id("res_", 2)))
                .contains(new ResourceRow(id("res_", 2), integration, "t/sales.legacy", "sales.legacy", TABLE, "Active", null, 3, T0, second));
    }

    @Test
    void aNewKeyUnderAnIdAlreadyTakenIsADuplicateKey() {
        String integration = integration(2);
        resources.upsert(integration, 1, T0, new String[] {id("res_", 200)}, new String[] {"k1"}, new String[] {"one"}, new String[] {TABLE});
        assertThatThrownBy(() -> resources.upsert(integration, 1, T0, new String[] {id("res_", 200)}, new String[] {"k2"}, new String[] {"two"},
                new String[] {TABLE})).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void pagesAreInTypeNameIdOrderAtAnyOffsetAlongTheOrderIndex() {
        String integration = integration(3);
        resources.upsert(integration, 1, T0, new String[] {id("res_", 303), id("res_", 301), id("res_", 302), id("res_", 304)},
                new String[] {"a", "b", "c", "d"}, new String[] {"beta", "alpha", "alpha", "public"}, new String[] {TABLE, TABLE, TABLE, SCHEMA});
        assertThat(resources.page(integration, null, 10, 0)).extracting(ResourceRow::id)
                .containsExactly(id("res_", 304), id("res_", 301), id("res_", 302), id("res_", 303));
        assertThat(resources.page(integration, TABLE, 2, 1)).extracting(ResourceRow::id).containsExactly(id("res_", 302), id("res_", 303));
        assertThat(resources.countByIntegrationId(integration)).isEqualTo(4);
        assertThat(resources.countByIntegrationIdAndType(integration, TABLE)).isEqualTo(3);

        plans.assertServedBy("resource_integration_order", true, QueryPlans.sqlOf(() -> resources.page(integration, null, 1000, 4000)),
                integration, null, null, 1000, 4000);
        plans.assertServedBy("resource_integration_order", true, QueryPlans.sqlOf(() -> resources.page(integration, TABLE, 1000, 0)),
                integration, TABLE, TABLE, 1000, 0);
        plans.assertServedBy("resource_integration_order", true, QueryPlans.sqlOf(() -> resources.countByIntegrationId(integration)),
                integration);
        plans.assertServedBy("resource_integration_order", true,
                QueryPlans.sqlOf(() -> resources.countByIntegrationIdAndType(integration, TABLE)), integration, TABLE);
        plans.assertServedBy("resource_pkey", true, QueryPlans.sqlOf(() -> resources.findByIdForUpdate(id("res_", 301))), id("res_", 301));
    }
}
