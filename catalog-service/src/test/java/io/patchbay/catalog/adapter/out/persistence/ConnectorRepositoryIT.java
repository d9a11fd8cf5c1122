package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;

import static io.patchbay.catalog.adapter.out.persistence.RepositoryTests.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ConnectorRepository}: the upsert registers and renames (no unique conflict can arise: the key is the conflict
 * target, and the table has no version column), listing and lookups on the primary key.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorRepositoryIT implements TestPropertyProvider {
    @Inject
    ConnectorRepository connectors;

    private QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        String jdbcUrl = TestInfra.get().newDatabase("catalog_repo_connector");
        plans = new QueryPlans(jdbcUrl);
        return RepositoryTests.properties(jdbcUrl);
    }

    @Test
    void upsertRegistersThenRenamesKeepingWhoCreatedIt() {
        Instant later = T0.plusSeconds(90);
        connectors.upsert("team_c", "edge-1", "Edge one", "alice", T0);
        assertThat(connectors.findById(new ConnectorRow.Pk("team_c", "edge-1")))
                .contains(new ConnectorRow(new ConnectorRow.Pk("team_c", "edge-1"), "Edge one", T0, T0, "alice", "alice"));
        connectors.upsert("team_c", "edge-1", "Edge renamed", "bob", later);
        assertThat(connectors.findById(new ConnectorRow.Pk("team_c", "edge-1")))
                .contains(new ConnectorRow(new ConnectorRow.Pk("team_c", "edge-1"), "Edge renamed", T0, later, "alice", "bob"));
        assertThat(connectors.findById(new ConnectorRow.Pk("team_other", "edge-1"))).isEmpty();
        connectors.deleteById(new ConnectorRow.Pk("team_c", "edge-1"));
        assertThat(connectors.findById(new ConnectorRow.Pk("team_c", "edge-1"))).isEmpty();
        assertThatThrownBy(() -> connectors.upsert("team_c", "edge-2", "a\u0000b", "alice", T0)).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void aTeamsConnectorsAreListedInIdOrderAlongThePrimaryKey() {
        connectors.upsert("team_l", "zeta", "Z", "u", T0);
        connectors.upsert("team_l", "alpha", "A", "u", T0);
        connectors.upsert("team_l2", "beta", "B", "u", T0);
        assertThat(connectors.findByPkTeamIdOrderByPkId("team_l")).extracting(r -> r.pk().id()).containsExactly("alpha", "zeta");
        plans.assertServedBy("connector_pkey", true, QueryPlans.sqlOf(() -> connectors.findByPkTeamIdOrderByPkId("team_l")), "team_l");
        plans.assertServedBy("connector_pkey", true, QueryPlans.sqlOf(() -> connectors.findById(new ConnectorRow.Pk("team_l", "alpha"))),
                "team_l", "alpha");
    }
}
