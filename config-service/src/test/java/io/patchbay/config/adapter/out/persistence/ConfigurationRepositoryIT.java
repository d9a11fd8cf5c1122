package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    static final String LOCK_NOT_AVAILABLE = "55P03";

    final RepositoryDatabase db = new RepositoryDatabase("config_repo_configuration");
    @Inject
    ConfigurationRepository repository;
    @Inject
    AppRepository apps;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    BeanContext context;

    @Override
    public Map<String, String> getProperties() {
        return db.properties();
    }

    @BeforeAll
    void apps() {
        apps.save(AppRepositoryIT.app("oac_free", "free-app", "hobby", 0));
        apps.save(AppRepositoryIT.app("oac_pro", "pro-app", "pro", 1));
        apps.save(AppRepositoryIT.app("oac_lockfree", "lockfree-app", "hobby", 0));
        apps.save(AppRepositoryIT.app("oac_lockpro", "lockpro-app", "pro", 1));
    }

    @Test
    void everyColumnRoundTripsAndANewRowIsVersionOne() throws SQLException {
        ConfigurationRow row = new ConfigurationRow(id(), "oac_pro", "pro-app", "team_a", "team_a", "user_a", List.of("read:project", "write:env"),
                "selected", List.of("prj_1", "prj_2"), "marketplace", "marketplace", "pending", "ext-9", "warn", "Title", "Message",
                "https://example.com/x", T0, T0.plusMillis(1), T0.plusMillis(2), T0.plusMillis(3), "disabled-by-owner", T0.plusMillis(4),
                T0.plusMillis(5), T0.plusMillis(6), 1, "creator", "updater");

        repository.save(row);

        assertThat(repository.findById(row.id())).contains(row);
        assertThat(db.strings("SELECT concat_ws('|', version, (extract(epoch FROM created_at) * 1000)::bigint, "
                + "(extract(epoch FROM deleted_at) * 1000)::bigint, array_to_string(scopes, ','), array_to_string(projects, ',')) "
                + "FROM configuration WHERE id = ?", row.id()))
                .as("stored as the same instants, whatever the session time zone")
                .containsExactly("1|" + T0.toEpochMilli() + "|" + T0.plusMillis(6).toEpochMilli() + "|read:project,write:env|prj_1,prj_2");
    }

    @Test
    void nullableColumnsRoundTripAsNullAndAnEmptyArrayStaysEmpty() {
        ConfigurationRow row = active(id(), null, "user_b", "oac_free", T0);

        repository.save(row);

        ConfigurationRow read = repository.findById(row.id()).orElseThrow();
        assertThat(read).isEqualTo(row);
        assertThat(read.scopes()).isEmpty();
        assertThat(read.projects()).isNull();
    }

    @Test
    void aSecondRowWithTheSameIdIsADuplicateKey() {
        ConfigurationRow row = active(id(), "team_dup", "user_dup", "oac_free", T0);
        repository.save(row);

        assertThatThrownBy(() -> repository.save(row)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void textPostgresCannotStoreIsUnstorableTextInWritesAndReads() {
        ConfigurationRow nul = withExternalId(active(id(), "team_nul", "user_nul", "oac_free", T0), "ext\u0000id");

        assertThatThrownBy(() -> repository.save(nul)).isInstanceOf(UnstorableTextException.class);
        assertThatThrownBy(() -> repository.findById("icfg_\u0000")).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflict() throws SQLException {
        ConfigurationRow v1 = active(id(), "team_v", "user_v", "oac_free", T0);
        repository.save(v1);

        ConfigurationRow v2 = repository.update(withExternalId(v1, "first"));
        assertThat(v2.version()).isEqualTo(2);

        assertThatThrownBy(() -> repository.update(withExternalId(v1, "second"))).isInstanceOf(OptimisticLockException.class);
        assertThat(db.strings("SELECT version || ' ' || external_id FROM configuration WHERE id = ?", v1.id())).containsExactly("2 first");
    }

    @Test
    void updateAllWritesEveryRowAndChecksEveryVersion() throws SQLException {
        List<ConfigurationRow> rows = List.of(active(id(), "team_all", "u", "oac_free", T0), active(id(), "team_all", "u", "oac_free", T0),
                active(id(), "team_all", "u", "oac_free", T0));
        rows.forEach(repository::save);

        repository.updateAll(rows.stream().map(r -> withExternalId(r, "batched")).toList());

        assertThat(db.strings("SELECT version || ' ' || external_id FROM configuration WHERE team_id = 'team_all'"))
                .containsExactly("2 batched", "2 batched", "2 batched");
        assertThatThrownBy(() -> repository.updateAll(List.of(withExternalId(rows.getFirst(), "stale"))))
                .isInstanceOf(OptimisticLockException.class);
    }

    @Test
    void triggerSelectionsComeInIdOrderedChunksAfterTheKeyAndStayLocked() throws SQLException {
        String team = "team_lock";
        List<String> ids = List.of("icfg_l1", "icfg_l2", "icfg_l3", "icfg_l4");
        ids.forEach(id -> repository.save(active(id, team, "user_l", "oac_lockpro", T0)));
        repository.save(disabled(active("icfg_l5", team, "user_l", "oac_lockpro", T0), "account-plan-downgrade"));
        repository.save(active("icfg_l6", team, "user_other", "oac_lockfree", T0));
        repository.save(deleted(active("icfg_l7", team, "user_l", "oac_lockpro", T0)));

        transactions.executeWrite(status -> {
            assertThat(repository.lockActiveOfTeamUser(team, "user_l", "", 3)).extracting(ConfigurationRow::id)
                    .containsExactly("icfg_l1", "icfg_l2", "icfg_l3");
            assertThat(repository.lockActiveOfTeamUser(team, "user_l", "icfg_l3", 3)).extracting(ConfigurationRow::id)
                    .containsExactly("icfg_l4");
            assertLockedElsewhere("icfg_l1");
            assertLockedElsewhere("icfg_l4");
            return null;
        });
        assertThat(repository.lockActiveOfTeamNeedingPlanAbove(team, (short) 0, "", 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_l1", "icfg_l2", "icfg_l3", "icfg_l4");
        assertThat(repository.lockDisabledOfTeamAllowedBy("account-plan-downgrade", team, (short) 1, "", 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_l5");
        assertThat(repository.lockDisabledOfTeamAllowedBy("account-plan-downgrade", team, (short) 0, "", 10)).isEmpty();
        assertThat(repository.lockActiveOfApp("oac_lockfree", "", 10)).extracting(ConfigurationRow::id).containsExactly("icfg_l6");
        assertThat(repository.lockActiveOfApp("oac_lockpro", "icfg_l2", 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_l3", "icfg_l4");
        assertThat(repository.lockDisabledOfApp("account-plan-downgrade", "oac_lockpro", "", 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_l5");
    }

    @Test
    void deletionRequestsAreSelectedUpToTheCutoff() {
        ConfigurationRow early = deletionRequested(active(id(), "team_del", "u", "oac_free", T0), T0);
        ConfigurationRow late = deletionRequested(active(id(), "team_del", "u", "oac_free", T0), T0.plusSeconds(60));
        repository.save(early);
        repository.save(late);

        assertThat(repository.lockDeletionRequestedBefore(T0.plusSeconds(1), "", 500)).extracting(ConfigurationRow::id)
                .contains(early.id()).doesNotContain(late.id());
    }

    @Test
    void pagesAreNewestFirstWithTheListFilters() {
        String owner = "team_page";
        ConfigurationRow a = active("icfg_pa", owner, "u", "oac_free", T0);
        ConfigurationRow b = active("icfg_pb", owner, "u", "oac_pro", T0.plusSeconds(1));
        ConfigurationRow c = withSource(active("icfg_pc", owner, "u", "oac_free", T0.plusSeconds(2)), "oauth");
        ConfigurationRow personal = active("icfg_pd", null, owner, "oac_free", T0.plusSeconds(3));
        ConfigurationRow gone = deleted(active("icfg_pe", owner, "u", "oac_free", T0.plusSeconds(4)));
        List.of(a, b, c, personal, gone).forEach(repository::save);

        assertThat(repository.firstPage(owner, false, null, null, false, 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_pc", "icfg_pb", "icfg_pa");
        assertThat(repository.firstPage(owner, false, null, null, false, 2)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_pc", "icfg_pb");
        assertThat(repository.pageAfter(owner, false, null, null, false, b.createdAt(), b.id(), 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_pa");
        assertThat(repository.firstPage(owner, true, null, null, false, 10)).extracting(ConfigurationRow::id).containsExactly("icfg_pd");
        assertThat(repository.firstPage(owner, false, null, "pro-app", false, 10)).extracting(ConfigurationRow::id).containsExactly("icfg_pb");
        assertThat(repository.firstPage(owner, false, null, "oac_free", false, 10)).extracting(ConfigurationRow::id)
                .containsExactly("icfg_pc", "icfg_pa");
        assertThat(repository.firstPage(owner, false, null, null, true, 10)).extracting(ConfigurationRow::id)
                .as("the project view leaves out oauth installs").containsExactly("icfg_pb", "icfg_pa");
        assertThat(repository.firstPage(owner, false, "marketplace", null, false, 10)).isEmpty();
        assertThat(repository.firstPage(owner, false, "external", null, false, 10)).hasSize(3);
    }

    @Test
    void everyListAndTriggerQueryIsServedByItsIndex() throws SQLException {
        // statistics of a platform: one team with 30,000 configurations, and 10,000 more of 1,000 small teams, some disabled,
        // some deletion requested
        db.execute("INSERT INTO configuration (id, integration_id, slug, owner_id, team_id, user_id, scopes, project_selection, source, "
                + "installation_type, status, created_at, updated_at, disabled_at, disabled_reason, delete_requested_at, version, created_by, "
                + "updated_by) SELECT 'icfg_stat' || i, CASE WHEN i % 2 = 0 THEN 'oac_pro' ELSE 'oac_free' END, 'x', t.team, t.team, "
                + "'user_' || i % 3000, '{}', 'all', 'external', 'external', 'ready', timestamptz '" + T0 + "' + i * interval '1 ms', now(), "
                + "CASE WHEN i % 10 = 0 THEN now() END, CASE WHEN i % 10 = 0 THEN 'account-plan-downgrade' END, "
                + "CASE WHEN i % 100 = 0 THEN now() END, 1, 'seed', 'seed' FROM generate_series(1, 40000) AS i, "
                + "LATERAL (SELECT CASE WHEN i <= 30000 THEN 'team_big' ELSE 'team_stat' || i % 1000 END AS team) AS t");
        db.execute("ANALYZE");

        // a default page (1,000 + 1) of the big team: the index gives the order and the keyset bound, nothing is sorted (a
        // small owner's few rows may be sorted: PostgreSQL's choice, and cheap)
        Timestamp middle = Timestamp.from(T0.plusMillis(15000));
        assertThat(plan("firstPage", "team_big", false, null, null, null, null, null, false, 1001))
                .contains("Index Scan using configuration_owner_page").doesNotContain("Sort");
        assertThat(plan("pageAfter", "team_big", false, null, null, null, null, null, false, middle, "icfg_stat15000", 1001))
                .contains("Index Scan using configuration_owner_page").contains("Index Cond").doesNotContain("Sort");
        assertThat(genericPlan("firstPage")).contains("configuration_owner_page");
        assertThat(genericPlan("pageAfter")).contains("configuration_owner_page");
        // the triggers, for any values: the keyset's id order comes from the index where one index holds the selection
        assertThat(genericPlan("lockActiveOfTeamUser")).contains("configuration_team_user").doesNotContain("Sort");
        assertThat(genericPlan("lockActiveOfApp")).contains("configuration_app").doesNotContain("Sort");
        assertThat(genericPlan("lockDisabledOfApp")).contains("configuration_app").doesNotContain("Sort");
        // a team's configurations of several apps, and deletion requests by time: the index finds them, id order needs a sort
        assertThat(genericPlan("lockActiveOfTeamNeedingPlanAbove")).contains("configuration_team_app");
        assertThat(genericPlan("lockDisabledOfTeamAllowedBy")).contains("configuration_team_app");
        assertThat(genericPlan("lockDeletionRequestedBefore")).contains("configuration_deletion_requested");
        assertThat(genericPlan("findById")).contains("configuration_pkey");
    }

    private String plan(String method, Object... values) throws SQLException {
        String plan = db.plan(RepositoryDatabase.sqlOf(context, ConfigurationRepository.class, method), values);
        System.out.println("PLAN ConfigurationRepository." + method + " (values)\n" + plan);
        return plan;
    }

    private String genericPlan(String method) throws SQLException {
        String plan = db.genericPlan(RepositoryDatabase.sqlOf(context, ConfigurationRepository.class, method));
        System.out.println("PLAN ConfigurationRepository." + method + " (generic)\n" + plan);
        return plan;
    }

    private void assertLockedElsewhere(String id) {
        try (Connection other = db.connect(); PreparedStatement ps = other.prepareStatement("SELECT id FROM configuration WHERE id = ? FOR UPDATE NOWAIT")) {
            ps.setString(1, id);
            assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo(LOCK_NOT_AVAILABLE));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static String id() {
        return "icfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static ConfigurationRow active(String id, String teamId, String userId, String appId, Instant createdAt) {
        return new ConfigurationRow(id, appId, appId.substring("oac_".length()) + "-app", teamId != null ? teamId : userId, teamId, userId,
                List.of(), "all", null, "external", "external", "ready", null, null, null, null, null, createdAt, createdAt, createdAt,
                null, null, null, null, null, 1, userId, userId);
    }

    static ConfigurationRow withExternalId(ConfigurationRow r, String externalId) {
        return new ConfigurationRow(r.id(), r.integrationId(), r.slug(), r.ownerId(), r.teamId(), r.userId(), r.scopes(), r.projectSelection(),
                r.projects(), r.source(), r.installationType(), r.status(), externalId, r.notificationLevel(), r.notificationTitle(),
                r.notificationMessage(), r.notificationHref(), r.createdAt(), r.updatedAt(), r.completedAt(), r.disabledAt(), r.disabledReason(),
                r.deleteRequestedAt(), r.customerDeleteRequestedAt(), r.deletedAt(), r.version(), r.createdBy(), r.updatedBy());
    }

    static ConfigurationRow withSource(ConfigurationRow r, String source) {
        return new ConfigurationRow(r.id(), r.integrationId(), r.slug(), r.ownerId(), r.teamId(), r.userId(), r.scopes(), r.projectSelection(),
                r.projects(), source, r.installationType(), r.status(), r.externalId(), r.notificationLevel(), r.notificationTitle(),
                r.notificationMessage(), r.notificationHref(), r.createdAt(), r.updatedAt(), r.completedAt(), r.disabledAt(), r.disabledReason(),
                r.deleteRequestedAt(), r.customerDeleteRequestedAt(), r.deletedAt(), r.version(), r.createdBy(), r.updatedBy());
    }

    static ConfigurationRow disabled(ConfigurationRow r, String reason) {
        return new ConfigurationRow(r.id(), r.integrationId(), r.slug(), r.ownerId(), r.teamId(), r.userId(), r.scopes(), r.projectSelection(),
                r.projects(), r.source(), r.installationType(), r.status(), r.externalId(), r.notificationLevel(), r.notificationTitle(),
                r.notificationMessage(), r.notificationHref(), r.createdAt(), r.updatedAt(), r.completedAt(), r.createdAt(), reason,
                r.deleteRequestedAt(), r.customerDeleteRequestedAt(), r.deletedAt(), r.version(), r.createdBy(), r.updatedBy());
    }

    static ConfigurationRow deletionRequested(ConfigurationRow r, Instant at) {
        return new ConfigurationRow(r.id(), r.integrationId(), r.slug(), r.ownerId(), r.teamId(), r.userId(), r.scopes(), r.projectSelection(),
                r.projects(), r.source(), r.installationType(), r.status(), r.externalId(), r.notificationLevel(), r.notificationTitle(),
                r.notificationMessage(), r.notificationHref(), r.createdAt(), r.updatedAt(), r.completedAt(), r.disabledAt(), r.disabledReason(),
                at, r.customerDeleteRequestedAt(), r.deletedAt(), r.version(), r.createdBy(), r.updatedBy());
    }

    static ConfigurationRow deleted(ConfigurationRow r) {
        return new ConfigurationRow(r.id(), r.integrationId(), r.slug(), r.ownerId(), r.teamId(), r.userId(), r.scopes(), r.projectSelection(),
                r.projects(), r.source(), r.installationType(), r.status(), r.externalId(), r.notificationLevel(), r.notificationTitle(),
                r.notificationMessage(), r.notificationHref(), r.createdAt(), r.updatedAt(), r.completedAt(), r.disabledAt(), r.disabledReason(),
                r.createdAt(), r.customerDeleteRequestedAt(), r.createdAt(), r.version(), r.createdBy(), r.updatedBy());
    }
}
