package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
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
class EnvironmentIntegrationRepositoryIT extends RepositoryIT {
    static final Instant T0 = Instant.parse("2026-04-05T06:07:08.912Z");
    static final String OVERRIDE = "{\"z\":{\"deleted\":null},\"a\":[1,2.50],\"credentials\":{\"token\":\"sealed:k1:abc\"}}";

    @Inject
    EnvironmentIntegrationRepository installs;
    @Inject
    EnvironmentIntegrationStore store;
    @Inject
    TransactionOperations<Connection> tx;
    UUID environment;
    UUID otherEnvironment;
    UUID integration;

    /**
     * 60 environments of six teams and ten integrations, each installed everywhere (600 installs, one a second), every
     * tenth linked to one of 60 configurations; and one environment and integration of the tests' own.
     */
    @BeforeAll
    void manyInstalls() {
        db.execute("""
                INSERT INTO environment (id, team_id, name, created_at, updated_at, created_by, updated_by)
                SELECT gen_random_uuid(), 'team_bulk' || (n % 6), 'env-' || n, now(), now(), 'bulk', 'bulk' FROM generate_series(1, 60) n""");
        db.execute("""
                INSERT INTO integration (id, team_id, name, category, is_beta, config, sharing, version, created_at, updated_at,
                                         created_by, updated_by)
                SELECT gen_random_uuid(), 'team_bulk' || (n % 6), 'integration-' || n, 'crm', false, '{}', 'allow', 1, now(), now(),
                       'bulk', 'bulk' FROM generate_series(1, 10) n""");
        db.execute("""
                INSERT INTO environment_integration (id, integration_id, environment_id, show_in_catalog, is_enabled, override,
                    configuration_id, approved, configuration_disabled, remembered_is_enabled, version, created_at, updated_at,
                    created_by, updated_by)
                SELECT gen_random_uuid(), i.id, e.id, true, true, '{}',
                       CASE WHEN row_number() OVER () % 10 = 0 THEN 'icfg_bulk' || (row_number() OVER () / 10) END,
                       true, false, true, 1, CAST(? AS timestamptz) + row_number() OVER () * interval '1 second',
                       CAST(? AS timestamptz) + row_number() OVER () * interval '1 second', 'bulk', 'bulk'
                FROM environment e CROSS JOIN integration i""", T0, T0);
        environment = UUID.randomUUID();
        otherEnvironment = UUID.randomUUID();
        integration = UUID.randomUUID();
        for (UUID env : List.of(environment, otherEnvironment)) {
            db.execute("INSERT INTO environment (id, team_id, name, created_at, updated_at, created_by, updated_by) "
                    + "VALUES (?, 'team_tests', ?, now(), now(), 'u', 'u')", env, env.toString());
        }
        db.execute("INSERT INTO integration (id, team_id, name, category, is_beta, config, sharing, version, created_at, updated_at, "
                + "created_by, updated_by) VALUES (?, 'team_tests', 'tested', 'crm', false, '{}', 'allow', 1, now(), now(), 'u', 'u')", integration);
        db.execute("ANALYZE");
    }

    EnvironmentIntegrationRow row(UUID environmentId, String configurationId) {
        return new EnvironmentIntegrationRow(UUID.randomUUID(), integration, environmentId, false, true, OVERRIDE, configurationId, false,
                true, "disabled-by-owner", true, 1, T0, T0.plusMillis(1), "user_creator", "user_updater");
    }

    @Test
    void aSavedRowReadsBackWithEveryColumnTheOverrideAsWrittenAndVersionOne() {
        EnvironmentIntegrationRow saved = row(environment, "icfg_roundtrip0000000000000");
        installs.save(saved);
        assertThat(installs.findById(saved.id())).contains(saved);
        assertThat(db.value("SELECT override::text FROM environment_integration WHERE id = ?", saved.id())).isEqualTo(OVERRIDE);
        assertThat(db.value("SELECT version FROM environment_integration WHERE id = ?", saved.id())).isEqualTo(1L);
        EnvironmentIntegration domain = store.find(saved.id()).orElseThrow();
        assertThat(domain.override()).containsKeys("z", "a", "credentials");
        assertThat(domain.etag()).isEqualTo("\"1\"");
        installs.deleteById(saved.id());
        assertThat(installs.findById(saved.id())).isEmpty();
    }

    @Test
    void anInstallWithoutConfigurationReadsBackWithItsNulls() {
        EnvironmentIntegrationRow saved = new EnvironmentIntegrationRow(UUID.randomUUID(), integration, otherEnvironment, true, false, "{}",
                null, true, false, null, false, 1, T0, T0, "u", "u");
        installs.save(saved);
        assertThat(installs.findById(saved.id())).contains(saved);
        installs.deleteById(saved.id());
    }

    @Test
    void theSecondInstallOfAnIntegrationInAnEnvironmentIsADuplicateKeyAndThe409OfTheStore() {
        EnvironmentIntegrationRow first = row(environment, null);
        installs.save(first);
        assertThatThrownBy(() -> installs.save(row(environment, null)))
                .isInstanceOf(DuplicateKeyException.class);
        EnvironmentIntegration again = EnvironmentIntegration.install(UUID.randomUUID(), integration, environment, true, true, Map.of(), null,
                true, null, 1, "u");
        assertThatThrownBy(() -> store.insert(again)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
        installs.deleteById(first.id());
    }

    @Test
    void anInstallIntoAnEnvironmentThatIsGoneIsThe409OfTheStore() {
        EnvironmentIntegration orphan = EnvironmentIntegration.install(UUID.randomUUID(), integration, UUID.randomUUID(), true, true, Map.of(),
                null, true, null, 1, "u");
        assertThatThrownBy(() -> store.insert(orphan)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.detail()).contains("deleted meanwhile"));
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflictAndThe409OfTheStore() {
        EnvironmentIntegrationRow saved = row(otherEnvironment, null);
        installs.save(saved);
        EnvironmentIntegration read = store.find(saved.id()).orElseThrow();
        EnvironmentIntegration restored = read.configurationRestored(2, "config-service");
        store.update(restored);
        assertThat(installs.findById(saved.id()).orElseThrow()).extracting(EnvironmentIntegrationRow::version,
                EnvironmentIntegrationRow::configurationDisabled, EnvironmentIntegrationRow::disabledReason).containsExactly(2L, false, null);
        assertThatThrownBy(() -> installs.update(saved)).isInstanceOf(OptimisticLockException.class);
        assertThatThrownBy(() -> store.update(restored)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
        installs.deleteById(saved.id());
    }

    @Test
    void theInstallsOfABatchsConfigurationsAreLockedInOrderThroughTheConfigurationIndex() {
        String sql = db.sqlOf(() -> tx.executeWrite(status -> {
            List<EnvironmentIntegrationRow> linked = installs.lockByConfigurationIds(new String[] {"icfg_bulk3", "icfg_none"});
            assertThat(linked).hasSize(1);
            assertThat(db.sqlState("SELECT 1 FROM environment_integration WHERE id = ? FOR UPDATE NOWAIT", linked.getFirst().id()))
                    .as("another transaction cannot lock it").isEqualTo("55P03");
            return null;
        }));
        assertThat(sql).contains("ORDER BY").endsWith("FOR UPDATE");
        assertThat(db.plan(sql, (Object) new String[] {"icfg_bulk3", "icfg_none"})).contains("LockRows", "environment_integration_configuration");
    }

    @Test
    void whatIsInstalledWhereIsReadThroughTheIndexes() {
        UUID someEnvironment = (UUID) db.value("SELECT id FROM environment WHERE name = 'env-1'");
        UUID someIntegration = (UUID) db.value("SELECT id FROM integration WHERE name = 'integration-1'");
        assertThat(db.planOf(() -> assertThat(installs.existsByEnvironmentId(someEnvironment)).isTrue(), someEnvironment))
                .contains("environment_integration_environment");
        assertThat(db.planOf(() -> assertThat(installs.existsByIntegrationId(someIntegration)).isTrue(), someIntegration))
                .contains("environment_integration_once");
        UUID other = (UUID) db.value("SELECT id FROM integration WHERE name = 'integration-2'");
        String locations = db.planOf(() -> assertThat(installs.installLocations(List.of(someIntegration, other))).hasSize(120),
                someIntegration, other);
        assertThat(locations).contains("environment_integration_once", "environment_pkey");
    }

    @Test
    void pagesAreServedByThePageIndexWithoutASort() {
        String[] teams = {"team_bulk1"};
        String member = db.planOf(() -> installs.page(null, teams, null, null, null, null, null, null, null, null, 26),
                page(null, teams, null, null, null, null, null, null, null, null, 26));
        assertThat(member).contains("Index Scan Backward using environment_integration_page").doesNotContain("Sort");
        Instant at = T0.plusSeconds(300);
        UUID id = UUID.randomUUID();
        String next = db.planOf(() -> installs.page(null, teams, null, null, true, true, null, "crm", at, id, 26),
                page(null, teams, null, null, true, true, null, "crm", at, id, 26));
        assertThat(next).contains("Index Scan Backward using environment_integration_page", "Index Cond: (ROW(created_at, id) < ROW(")
                .doesNotContain("Sort");
        String admin = db.planOf(() -> installs.page(null, null, null, null, null, null, null, null, at, id, 26),
                page(null, null, null, null, null, null, null, null, at, id, 26));
        assertThat(admin).contains("Index Scan Backward using environment_integration_page").doesNotContain("Sort");
    }

    /** One environment's or one integration's installs (a few dozen at most): its index, then the order of the page. */
    @Test
    void aFilterOnOneEnvironmentOrIntegrationIsServedByItsIndex() {
        UUID someEnvironment = (UUID) db.value("SELECT id FROM environment WHERE name = 'env-1'");
        String scoped = db.planOf(() -> installs.page(someEnvironment, null, null, null, null, null, null, null, null, null, 26),
                page(someEnvironment, null, null, null, null, null, null, null, null, null, 26));
        assertThat(scoped).as("an environment-scoped token's").contains("environment_integration_environment");
        String filtered = db.planOf(() -> installs.page(null, new String[]{"team_bulk1"}, null, someEnvironment, null, null, null, null,
                null, null, 26), page(null, new String[]{"team_bulk1"}, null, someEnvironment, null, null, null, null, null, null, 26));
        assertThat(filtered).contains("environment_integration_environment");
        UUID someIntegration = (UUID) db.value("SELECT id FROM integration WHERE name = 'integration-1'");
        String byIntegration = db.planOf(() -> installs.page(null, new String[]{"team_bulk1"}, someIntegration, null, null, null, null, null,
                null, null, 26), page(null, new String[]{"team_bulk1"}, someIntegration, null, null, null, null, null, null, null, 26));
        assertThat(byIntegration).contains("environment_integration_once");
        String byName = db.planOf(() -> installs.page(null, new String[]{"team_bulk1"}, null, null, null, null, "integration-1", null,
                null, null, 26), page(null, new String[]{"team_bulk1"}, null, null, null, null, "integration-1", null, null, null, 26));
        assertThat(byName).as("by the integration's name").contains("environment_integration_once");
    }

    /** The values of EnvironmentIntegrationRepository.page for its ?s: the scope, the teams and each filter twice. */
    static Object[] page(UUID scope, String[] teams, UUID integrationId, UUID environmentId, Boolean showInCatalog, Boolean enabled,
                         String integrationName, String integrationCategory, Instant afterCreatedAt, UUID afterId, int limit) {
        return new Object[]{scope, scope, teams, teams, teams, integrationId, integrationId, environmentId, environmentId, showInCatalog,
            showInCatalog, enabled, enabled, integrationName, integrationName, integrationCategory, integrationCategory, afterCreatedAt,
            afterId, limit};
    }
}
