package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
class IntegrationRepositoryIT extends RepositoryIT {
    static final Instant T0 = Instant.parse("2026-02-03T04:05:06.789Z");
    /** Key order, nested nulls, number spellings and escapes: stored as written, read back as written. */
    static final String CONFIG = "{\"z\":1,\"a\":{\"nested\":null,\"list\":[1,2.50,1e3,\"x\"]},\"label\":\"caf\\u00e9 \\\"q\\\"\",\"m\":true}";

    @Inject
    IntegrationRepository integrations;
    @Inject
    IntegrationStore store;
    @Inject
    TransactionOperations<Connection> tx;

    /** 600 integrations of six teams, one a second; every third one shared with nobody. */
    @BeforeAll
    void manyIntegrations() {
        db.execute("""
                INSERT INTO integration (id, team_id, name, category, is_beta, config, sharing, version, created_at, updated_at,
                                         created_by, updated_by)
                SELECT gen_random_uuid(), 'team_bulk' || (n % 6), 'integration-' || n, 'crm', false, '{}',
                       CASE n % 3 WHEN 0 THEN 'deny' WHEN 1 THEN 'ask' ELSE 'allow' END, 1,
                       CAST(? AS timestamptz) + n * interval '1 second', CAST(? AS timestamptz) + n * interval '1 second', 'bulk', 'bulk'
                FROM generate_series(1, 600) n""", T0, T0);
        db.execute("ANALYZE integration");
    }

    static IntegrationRow row(String team, String name) {
        return new IntegrationRow(UUID.randomUUID(), team, name, "helpdesk", true, CONFIG, "ask", 1, T0, T0.plusMillis(1), "user_creator",
                "user_updater");
    }

    @Test
    void aSavedRowReadsBackWithEveryColumnTheConfigTextAsWrittenAndVersionOne() {
        IntegrationRow saved = row("team_roundtrip", "zendesk");
        integrations.save(saved);
        assertThat(integrations.findById(saved.id())).contains(saved);
        assertThat(db.value("SELECT config::text FROM integration WHERE id = ?", saved.id())).isEqualTo(CONFIG);
        assertThat(db.value("SELECT version FROM integration WHERE id = ?", saved.id())).isEqualTo(1L);
        assertThat(store.find(saved.id()).orElseThrow().config()).containsEntry("z", 1).containsEntry("m", true)
                .containsKeys("a", "label");
        assertThat(integrations.findByIdIn(List.of(saved.id(), UUID.randomUUID()))).containsExactly(saved);
    }

    @Test
    void aSecondIntegrationOfTheSameNameInTheTeamIsADuplicateKeyAndThe409OfTheStore() {
        integrations.save(row("team_dup", "hubspot"));
        assertThatThrownBy(() -> integrations.save(row("team_dup", "hubspot")))
                .isInstanceOf(DuplicateKeyException.class);
        Integration again = new Integration(UUID.randomUUID(), "team_dup", "hubspot", "crm", false, Map.of(), Sharing.ALLOW, 1, 1, 1, "u", "u");
        assertThatThrownBy(() -> store.insert(again)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflictAndThe409OfTheStore() {
        IntegrationRow saved = row("team_version", "salesforce");
        integrations.save(saved);
        IntegrationRow changed = new IntegrationRow(saved.id(), saved.teamId(), saved.name(), "crm", false, "{\"b\":2}", "deny", 1,
                saved.createdAt(), T0.plusSeconds(1), saved.createdBy(), "user_first");
        integrations.update(changed);
        IntegrationRow read = integrations.findById(saved.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.config()).isEqualTo("{\"b\":2}");
        assertThat(read.sharing()).isEqualTo("deny");
        assertThatThrownBy(() -> integrations.update(changed)).isInstanceOf(OptimisticLockException.class);
        Integration stale = new Integration(saved.id(), "team_version", "salesforce", "crm", false, Map.of(), Sharing.ALLOW, 2, 1, 3, "u", "u");
        assertThatThrownBy(() -> store.update(stale)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
    }

    @Test
    void theRowLockAndTheLookupByIdsAreServedByThePrimaryKey() {
        IntegrationRow saved = row("team_lock", "locked");
        integrations.save(saved);
        String sql = db.sqlOf(() -> tx.executeWrite(status -> {
            assertThat(integrations.findByIdForUpdate(saved.id())).isPresent();
            assertThat(db.sqlState("SELECT 1 FROM integration WHERE id = ? FOR UPDATE NOWAIT", saved.id()))
                    .as("another transaction cannot lock it").isEqualTo("55P03");
            return null;
        }));
        assertThat(db.plan(sql, saved.id())).contains("LockRows", "Index Scan using integration_pkey");
        UUID other = UUID.randomUUID();
        assertThat(db.planOf(() -> integrations.findByIdIn(List.of(saved.id(), other)), saved.id(), other))
                .contains("integration_pkey");
    }

    @Test
    void pagesAreServedByThePageIndexWithoutASort() {
        String[] teams = {"team_bulk1"};
        String member = db.planOf(() -> integrations.page(teams, null, null, null, null, null, 26), page(teams, null, null, null, null, null, 26));
        assertThat(member).contains("Index Scan Backward using integration_page").doesNotContain("Sort");
        Instant at = T0.plusSeconds(300);
        UUID id = UUID.randomUUID();
        String next = db.planOf(() -> integrations.page(teams, null, "crm", null, at, id, 26), page(teams, null, "crm", null, at, id, 26));
        assertThat(next).contains("Index Scan Backward using integration_page", "Index Cond: (ROW(created_at, id) < ROW(")
                .doesNotContain("Sort");
        String admin = db.planOf(() -> integrations.page(null, null, null, null, at, id, 26), page(null, null, null, null, at, id, 26));
        assertThat(admin).contains("Index Scan Backward using integration_page").doesNotContain("Sort");
    }

    @Test
    void aNameFilterOfATeamIsServedByTheTeamNameIndex() {
        String[] teams = {"team_bulk1"};
        assertThat(db.planOf(() -> integrations.page(teams, "integration-7", null, "team_bulk1", null, null, 26),
                page(teams, "integration-7", null, "team_bulk1", null, null, 26))).contains("Index Scan using integration_team_name");
    }

    /** The values of IntegrationRepository.page for its ?s: each optional filter is bound twice (IS NULL test, comparison). */
    static Object[] page(String[] teams, String name, String category, String teamId, Instant afterCreatedAt, UUID afterId, int limit) {
        return new Object[]{teams, teams, name, name, category, category, teamId, teamId, afterCreatedAt, afterId, limit};
    }
}
