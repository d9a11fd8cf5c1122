package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** oauth_session through {@link SessionRepository}: the login upsert, the refresh's row lock, re-encryption, the list filters. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Inject
    SessionRepository sessions;
    @Inject
    IntegrationRepository integrations;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    BeanContext context;
    String jdbcUrl;
    QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_repo_session");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        plans = new QueryPlans(context, jdbcUrl);
    }

    IntegrationRow integration(String team) {
        return integrations.save(new IntegrationRow(null, UUID.randomUUID(), team, "n", null, "github", "Viewer", Map.of(), null, "active", null, 0,
                T0, T0, "c", "c"));
    }

    SessionRow login(IntegrationRow integration, String user, String keyId) {
        sessions.upsert(UUID.randomUUID(), integration.id(), user, "v1:" + keyId + ":access-" + user, "v1:" + keyId + ":refresh-" + user, keyId,
                T0.plusSeconds(3600), "openid", T0);
        return sessions.findByIntegrationIdAndUserId(integration.id(), user).orElseThrow();
    }

    @Test
    void aLoginCreatesTheSessionAndALaterOneReplacesItsTokens() {
        IntegrationRow integration = integration("team_session");
        UUID guid = UUID.randomUUID();
        sessions.upsert(guid, integration.id(), "alice", "v1:k1:access", "v1:k1:refresh", "k1", T0.plusSeconds(3600), "openid email", T0);
        SessionRow created = sessions.findByIntegrationIdAndUserId(integration.id(), "alice").orElseThrow();
        assertThat(created).isEqualTo(new SessionRow(created.id(), guid, new SessionIntegrationRow(integration.id(), integration.guid(), "team_session"),
                "alice", "v1:k1:access", "v1:k1:refresh", "k1", T0.plusSeconds(3600), "openid email", 0, T0, T0));
        assertThat(sessions.findByGuid(guid)).contains(created);
        assertThat(sessions.findById(created.id())).contains(created);

        sessions.upsert(UUID.randomUUID(), integration.id(), "alice", "v1:k2:access2", null, "k2", null, null, T0.plusSeconds(60));
        SessionRow replaced = sessions.findById(created.id()).orElseThrow();
        assertThat(replaced).as("same session (id, guid, created_time), new tokens").isEqualTo(new SessionRow(created.id(), guid,
                created.integration(), "alice", "v1:k2:access2", null, "k2", null, null, 0, T0, T0.plusSeconds(60)));

        assertThat(sessions.refreshed(created.id(), "v1:k3:access3", "v1:k3:refresh3", "k3", T0.plusSeconds(7200), T0.plusSeconds(120))).isEqualTo(1);
        SessionRow refreshed = sessions.findById(created.id()).orElseThrow();
        assertThat(refreshed.refreshedCount()).isEqualTo(1);
        assertThat(refreshed).extracting(SessionRow::accessTokenSealed, SessionRow::refreshTokenSealed, SessionRow::keyId, SessionRow::expiresAt,
                SessionRow::updatedTime).containsExactly("v1:k3:access3", "v1:k3:refresh3", "k3", T0.plusSeconds(7200), T0.plusSeconds(120));

        assertThat(sessions.deleteById(created.id())).isEqualTo(1);
        assertThat(sessions.deleteById(created.id())).isZero();
    }

    @Test
    void anotherSessionWithTheSameGuidIsADuplicateKey() {
        IntegrationRow integration = integration("team_session_dup");
        SessionRow first = login(integration, "bob", "k1");
        assertThatThrownBy(() -> sessions.upsert(first.guid(), integration.id(), "carol", "v1:k1:a", null, "k1", null, null, T0))
                .isInstanceOf(DuplicateKeyException.class);
    }

    /** The refresh's lock: the session row only, never the integration's (whose PATCH or lifecycle update must not wait for a provider). */
    @Test
    void lockingASessionLocksItsRowAndNotItsIntegration() throws Exception {
        IntegrationRow integration = integration("team_session_lock");
        SessionRow session = login(integration, "dave", "k1");
        try (Connection other = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password())) {
            other.setAutoCommit(false);
            transactions.executeWrite(status -> {
                assertThat(sessions.findByIdForUpdate(session.id())).isPresent();
                assertThat(sessions.findByIdForUpdate(session.id()).orElseThrow().integration()).as("not joined").isNull();
                assertThat(lockNowait(other, "SELECT id FROM oauth_session WHERE id = ? FOR UPDATE NOWAIT", session.id()))
                        .as("the session row is locked").isEqualTo("55P03");
                assertThat(lockNowait(other, "SELECT id FROM oauth_integration WHERE id = ? FOR UPDATE NOWAIT", integration.id()))
                        .as("the integration row is not").isNull();
                return null;
            });
            assertThat(lockNowait(other, "SELECT id FROM oauth_session WHERE id = ? FOR UPDATE NOWAIT", session.id()))
                    .as("released when the transaction ends").isNull();
        }
    }

    /** Runs {@code sql} on {@code c} in a savepoint; the SQLSTATE it failed with, or null. */
    private static String lockNowait(Connection c, String sql, long id) {
        try {
            var savepoint = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.executeQuery().close();
                c.rollback(savepoint);
                return null;
            } catch (SQLException e) {
                c.rollback(savepoint);
                return e.getSQLState();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reencryptionPagesByIdAndReplacesOnlyUnchangedTokens() {
        IntegrationRow integration = integration("team_session_keys");
        String oldKey = "old" + UUID.randomUUID().toString().substring(0, 8);
        SessionRow a = login(integration, "erin", oldKey);
        SessionRow b = login(integration, "frank", oldKey);
        sessions.upsert(UUID.randomUUID(), integration.id(), "gina", "v1:" + oldKey + ":access", null, oldKey, null, null, T0);
        SessionRow c = sessions.findByIntegrationIdAndUserId(integration.id(), "gina").orElseThrow();

        Pageable two = Pageable.from(0, 2, Sort.of(Sort.Order.asc("id")));
        List<SessionRow> page = sessions.findByKeyIdNotEqualAndIdGreaterThan("active", a.id() - 1, two);
        assertThat(page).extracting(SessionRow::id).containsExactly(a.id(), b.id());
        assertThat(sessions.findByKeyIdNotEqualAndIdGreaterThan("active", b.id(), Pageable.from(0, 1, Sort.of(Sort.Order.asc("id")))))
                .extracting(SessionRow::id).containsExactly(c.id());

        assertThat(sessions.replaceTokens(a.id(), a.accessTokenSealed(), a.refreshTokenSealed(), "v1:active:x", "v1:active:y", "active")).isEqualTo(1);
        assertThat(sessions.replaceTokens(b.id(), "v1:" + oldKey + ":refreshed meanwhile", b.refreshTokenSealed(), "v1:active:x", "v1:active:y", "active"))
                .as("tokens refreshed since they were read are not overwritten").isZero();
        assertThat(sessions.replaceTokens(c.id(), c.accessTokenSealed(), null, "v1:active:z", null, "active"))
                .as("no refresh token matches no refresh token").isEqualTo(1);
        assertThat(sessions.findByKeyIdNotEqualAndIdGreaterThan("active", a.id() - 1, Pageable.from(0, 1, Sort.of(Sort.Order.asc("id")))))
                .extracting(SessionRow::id).containsExactly(b.id());
    }

    @Test
    void listsFilterByUserAndByTeam() {
        IntegrationRow mine = integration("team_list_a");
        IntegrationRow theirs = integration("team_list_b");
        SessionRow own = login(theirs, "henry", "k1");
        SessionRow administered = login(mine, "ivy", "k1");
        SessionRow unrelated = login(theirs, "jack", "k1");

        assertThat(sessions.findByUserIdOrderById("henry")).extracting(SessionRow::id).containsExactly(own.id());
        assertThat(sessions.findByUserIdOrIntegrationTeamIdInOrderById("henry", List.of("team_list_a"))).extracting(SessionRow::id)
                .containsExactly(own.id(), administered.id());
        assertThat(sessions.findByUserIdOrIntegrationTeamIdInOrderById("henry", List.of("team_list_a"))).allSatisfy(s ->
                assertThat(s.integration().guid()).as("joined").isNotNull());
        assertThat(sessions.listOrderById()).extracting(SessionRow::id).contains(own.id(), administered.id(), unrelated.id()).isSorted();
    }

    @Test
    void readsAreServedByTheirIndexes() {
        IntegrationRow integration = integration("team_session_plan");
        assertThat(plans.explain(plans.sql(SessionRepository.class, "findByIntegrationIdAndUserId"), integration.id(), "kim"))
                .contains("oauth_session_integration_id_user_id_key").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(SessionRepository.class, "findByGuid"), UUID.randomUUID()))
                .contains("oauth_session_guid_key").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(SessionRepository.class, "findByIdForUpdate"), 1L))
                .contains("oauth_session_pkey").doesNotContain("Seq Scan");

        // a realistic table (statistics included): on a nearly empty one the planner rightly sorts a handful of rows itself
        Db db = new Db(jdbcUrl);
        db.execute("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, key_id, created_time, updated_time) "
                + "SELECT gen_random_uuid(), ?, 'seed' || g, 'v1:old:x', 'old', now(), now() FROM generate_series(1, 3000) g", integration.id());
        db.execute("ANALYZE oauth_session");
        assertThat(plans.explain(plans.sql(SessionRepository.class, "findByUserIdOrderById"), "kim"))
                .contains("oauth_session_user").doesNotContain("Seq Scan");
        // the re-encryption's batches: the primary key gives the order, the key id is a filter
        assertThat(plans.explain(plans.sql(SessionRepository.class, "findByKeyIdNotEqualAndIdGreaterThan")
                + " ORDER BY session_row_.id ASC LIMIT 200", "active", 0L))
                .contains("oauth_session_pkey").doesNotContain("Sort").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(SessionRepository.class, "findByUserIdOrIntegrationTeamIdInOrderById"), "kim", "team_session_plan"))
                .doesNotContain("Seq Scan");
        // every session (platform admins): no filter to serve, only no sequential scan forced through
        assertThat(plans.explain(plans.sql(SessionRepository.class, "listOrderById"))).doesNotContain("Seq Scan");
    }
}
