package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.oauth.support.TestProperties;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** content_association through {@link AssociationRepository}: set-based add, delete of the rest, ordered reads and counts. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssociationRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final String TEAM = "team_assoc";

    @Inject
    AssociationRepository associations;
    @Inject
    IntegrationRepository integrations;
    @Inject
    BeanContext context;
    String jdbcUrl;
    QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_repo_association");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        plans = new QueryPlans(context, jdbcUrl);
    }

    long integration() {
        return integrations.save(new IntegrationRow(null, UUID.randomUUID(), TEAM, "n", null, "github", "Viewer", Map.of(), null, "active", null, 0,
                T0, T0, "c", "c")).id();
    }

    @Test
    void addingKeepsExistingRowsAndDeletingKeepsTheNamedOnes() {
        long a = integration();
        long b = integration();
        long c = integration();
        UUID content = UUID.randomUUID();
        associations.addMissing(TEAM, content, new Long[]{b, a}, T0, "alice");
        assertThat(associations.findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId(TEAM, content)).containsExactly(
                new AssociationRow(new AssociationRow.Key(TEAM, content, a), T0, "alice"),
                new AssociationRow(new AssociationRow.Key(TEAM, content, b), T0, "alice"));

        associations.addMissing(TEAM, content, new Long[]{a, c}, T0.plusSeconds(60), "bob");
        assertThat(associations.findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId(TEAM, content))
                .as("an existing association keeps its time and author; the new one comes last").containsExactly(
                        new AssociationRow(new AssociationRow.Key(TEAM, content, a), T0, "alice"),
                        new AssociationRow(new AssociationRow.Key(TEAM, content, b), T0, "alice"),
                        new AssociationRow(new AssociationRow.Key(TEAM, content, c), T0.plusSeconds(60), "bob"));

        assertThat(associations.deleteByIdTeamIdAndIdContentGuidAndIdIntegrationIdNotIn(TEAM, content, List.of(a, c))).isEqualTo(1);
        assertThat(associations.findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId(TEAM, content))
                .extracting(r -> r.id().integrationId()).containsExactly(a, c);
        assertThat(associations.findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId("team_other", content))
                .as("another tenant's content with the same guid is another set").isEmpty();

        assertThat(associations.deleteByIdTeamIdAndIdContentGuid(TEAM, content)).isEqualTo(2);
        assertThat(associations.findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId(TEAM, content)).isEmpty();
    }

    @Test
    void anIntegrationsAssociationsAndCounts() {
        long a = integration();
        long b = integration();
        long none = integration();
        UUID late = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID early = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        UUID sameTime = UUID.fromString("00000000-0000-0000-0000-000000000000");
        associations.addMissing(TEAM, late, new Long[]{a, b}, T0.plusSeconds(10), "u");
        associations.addMissing(TEAM, early, new Long[]{a}, T0, "u");
        associations.addMissing(TEAM, sameTime, new Long[]{a}, T0.plusSeconds(10), "u");

        assertThat(associations.findByIdIntegrationIdOrderByCreatedTimeAndIdContentGuid(a)).extracting(r -> r.id().contentGuid())
                .as("oldest first, then by content guid").containsExactly(early, sameTime, late);
        assertThat(associations.countByIntegration(new Long[]{a, b, none})).containsExactlyInAnyOrder(
                new AssociationRepository.ContentCount(a, 3), new AssociationRepository.ContentCount(b, 1));

        integrations.deleteById(a);
        assertThat(associations.findByIdIntegrationIdOrderByCreatedTimeAndIdContentGuid(a)).as("associations go with their integration").isEmpty();
    }

    @Test
    void readsAreServedByTheirIndexes() {
        long a = integration();
        UUID content = UUID.randomUUID();
        // the content's set: the primary key's prefix (team_id, content_guid); at most 100 rows, sorted by time
        assertThat(plans.explain(plans.sql(AssociationRepository.class, "findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId"),
                TEAM, content)).contains("content_association_pkey").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(AssociationRepository.class, "findByIdIntegrationIdOrderByCreatedTimeAndIdContentGuid"), a))
                .contains("content_association_integration").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(AssociationRepository.class, "countByIntegration"), (Object) new Long[]{a}))
                .contains("content_association_integration").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(AssociationRepository.class, "deleteByIdTeamIdAndIdContentGuidAndIdIntegrationIdNotIn"), TEAM, content, a))
                .contains("content_association_pkey").doesNotContain("Seq Scan");
    }
}
