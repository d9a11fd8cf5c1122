package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PermissionRepository}: an integration's permissions are replaced as a set (delete, then one insert in which an
 * id given twice is kept once: no unique conflict reaches the caller), paged and counted on their index.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionRepositoryIT implements TestPropertyProvider {
    @Inject
    PermissionRepository permissions;
    @Inject
    IntegrationRepository integrations;

    private QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        String jdbcUrl = TestInfra.get().newDatabase("catalog_repo_permission");
        plans = new QueryPlans(jdbcUrl);
        return RepositoryTests.properties(jdbcUrl);
    }

    @Test
    void replacedAsASetPagedInResourceTypeNameOrderOnTheOrderIndex() {
        String integration = id("int_", 1);
        integrations.save(RepositoryTests.integration(integration, "team_perm", "Perm source"));
        String other = id("int_", 2);
        integrations.save(RepositoryTests.integration(other, "team_perm", "Other source"));
        permissions.insertAll(other, new String[] {"kafka-topic.READ"}, new String[] {"READ"}, new String[] {"kafka-topic"});
        permissions.insertAll(integration, new String[] {"kafka-topic.WRITE", "kafka-topic.READ", "kafka-consumer-group.READ", "kafka-topic.READ"},
                new String[] {"WRITE", "READ", "READ", "READ"}, new String[] {"kafka-topic", "kafka-topic", "kafka-consumer-group", "kafka-topic"});
        assertThat(permissions.page(integration, null, 10, 0))
                .containsExactly(new PermissionRow(new PermissionRow.Pk(integration, "kafka-consumer-group.READ"), "READ", "kafka-consumer-group"),
                        new PermissionRow(new PermissionRow.Pk(integration, "kafka-topic.READ"), "READ", "kafka-topic"),
                        new PermissionRow(new PermissionRow.Pk(integration, "kafka-topic.WRITE"), "WRITE", "kafka-topic"));
        assertThat(permissions.page(integration, "kafka-topic", 1, 1)).extracting(p -> p.pk().id()).containsExactly("kafka-topic.WRITE");
        assertThat(permissions.countByPkIntegrationId(integration)).isEqualTo(3);
        assertThat(permissions.countByPkIntegrationIdAndResourceType(integration, "kafka-topic")).isEqualTo(2);

        permissions.deleteByPkIntegrationId(integration);
        assertThat(permissions.countByPkIntegrationId(integration)).isZero();
        assertThat(permissions.countByPkIntegrationId(other)).as("another integration's permissions stay").isEqualTo(1);

        plans.assertServedBy("permission_integration_order", true, QueryPlans.sqlOf(() -> permissions.page(integration, null, 100, 0)),
                integration, null, null, 100, 0);
        plans.assertServedBy("permission_integration_order", true, QueryPlans.sqlOf(() -> permissions.page(integration, "kafka-topic", 100, 0)),
                integration, "kafka-topic", "kafka-topic", 100, 0);
        plans.assertServedByOneOf(java.util.List.of("permission_pkey", "permission_integration_order"), true,
                QueryPlans.sqlOf(() -> permissions.countByPkIntegrationId(integration)), integration);
        plans.assertServedBy("permission_integration_order", true,
                QueryPlans.sqlOf(() -> permissions.countByPkIntegrationIdAndResourceType(integration, "kafka-topic")), integration, "kafka-topic");
    }
}
