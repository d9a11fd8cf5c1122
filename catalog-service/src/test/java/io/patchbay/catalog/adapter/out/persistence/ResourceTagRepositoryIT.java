package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.T0;
import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ResourceTagRepository}: tags round trip in key order along the primary key; a key twice is a duplicate; NUL is unstorable. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceTagRepositoryIT implements TestPropertyProvider {
    @Inject
    ResourceTagRepository tags;
    @Inject
    ResourceRepository resources;
    @Inject
    IntegrationRepository integrations;

    private QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        String jdbcUrl = TestInfra.get().newDatabase("catalog_repo_tag");
        plans = new QueryPlans(jdbcUrl);
        return RepositoryTests.properties(jdbcUrl);
    }

    private String resource(int n) {
        String integration = id("int_", n);
        integrations.save(RepositoryTests.integration(integration, "team_tag", "Tagged " + n));
        String resource = id("res_", n);
        resources.upsert(integration, 1, T0, new String[] {resource}, new String[] {"k" + n}, new String[] {"orders"}, new String[] {"kafka-topic"});
        return resource;
    }

    private static ResourceTagRow tag(String resource, String key, String value) {
        return new ResourceTagRow(new ResourceTagRow.Pk(resource, key), value, T0, "alice");
    }

    @Test
    void tagsRoundTripInKeyOrderAndAreDeletedWithTheirResourceKey() {
        String resource = resource(1);
        String other = resource(2);
        tags.saveAll(List.of(tag(resource, "pii", "no"), tag(resource, "owner", "sales"), tag(other, "env", "prod")));
        assertThat(tags.findByPkResourceIdOrderByPkKey(resource)).containsExactly(tag(resource, "owner", "sales"), tag(resource, "pii", "no"));
        tags.deleteByPkResourceId(resource);
        assertThat(tags.findByPkResourceIdOrderByPkKey(resource)).isEmpty();
        assertThat(tags.findByPkResourceIdOrderByPkKey(other)).hasSize(1);
        plans.assertServedBy("resource_tag_pkey", true, QueryPlans.sqlOf(() -> tags.findByPkResourceIdOrderByPkKey(resource)), resource);
    }

    @Test
    void aKeyTwiceIsADuplicateAndNulIsUnstorable() {
        String resource = resource(3);
        tags.saveAll(List.of(tag(resource, "env", "prod")));
        assertThatThrownBy(() -> tags.saveAll(List.of(tag(resource, "env", "dev")))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> tags.saveAll(List.of(tag(resource, "note", "a\u0000b")))).isInstanceOf(UnstorableTextException.class);
        assertThat(tags.findByPkResourceIdOrderByPkKey(resource)).containsExactly(tag(resource, "env", "prod"));
    }
}
