package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.oauth.application.port.out.LoginStateStore;
import io.patchbay.oauth.support.TestProperties;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** oauth_login_state through {@link LoginStateRepository}: a started login is consumed once, expired ones are pruned. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginStateRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Inject
    LoginStateRepository logins;
    @Inject
    LoginStateStore store;
    @Inject
    IntegrationRepository integrations;
    @Inject
    BeanContext context;
    String jdbcUrl;
    QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_repo_login");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        plans = new QueryPlans(context, jdbcUrl);
    }

    long integration() {
        return integrations.save(new IntegrationRow(null, UUID.randomUUID(), "team_login", "n", null, "github", "Viewer", Map.of(), null, "active",
                null, 0, T0, T0, "c", "c")).id();
    }

    static String hash() {
        return "hash-" + UUID.randomUUID();
    }

    @Test
    void aLoginRoundTripsAndIsConsumedOnce() {
        long integration = integration();
        String hash = hash();
        LoginStateRow row = new LoginStateRow(hash, integration, "alice", "v1:k1:verifier", "http://localhost/cb", T0.plusSeconds(600), T0);
        assertThat(logins.save(row)).isEqualTo(row);
        assertThat(logins.deleteReturning(hash)).containsExactly(row);
        assertThat(logins.deleteReturning(hash)).as("a replay finds nothing").isEmpty();

        String withoutPkce = hash();
        LoginStateRow noVerifier = new LoginStateRow(withoutPkce, integration, "bob", null, "http://localhost/cb", T0.plusSeconds(600), T0);
        logins.save(noVerifier);
        assertThat(logins.deleteReturning(withoutPkce)).containsExactly(noVerifier);
    }

    @Test
    void theSameStateTwiceIsADuplicateKey() {
        long integration = integration();
        LoginStateRow row = new LoginStateRow(hash(), integration, "carol", null, "http://localhost/cb", T0, T0);
        logins.save(row);
        assertThatThrownBy(() -> logins.save(row)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> store.save(row.stateHash(), new LoginStateStore.LoginState(integration, "carol", null, "http://localhost/cb", T0), T0))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void concurrentCallbacksWithOneStateGetItOnce() throws Exception {
        long integration = integration();
        String hash = hash();
        store.save(hash, new LoginStateStore.LoginState(integration, "dave", "v1:k1:v", "http://localhost/cb", T0.plusSeconds(600)), T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    return store.consume(hash).isPresent();
                }));
            }
            start.countDown();
            int got = 0;
            for (Future<Boolean> f : results) {
                got += f.get() ? 1 : 0;
            }
            assertThat(got).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredLoginsArePruned() {
        long integration = integration();
        String expired = hash();
        String live = hash();
        logins.save(new LoginStateRow(expired, integration, "erin", null, "http://localhost/cb", T0.minusSeconds(1), T0.minusSeconds(601)));
        logins.save(new LoginStateRow(live, integration, "erin", null, "http://localhost/cb", T0.plusSeconds(1), T0));
        assertThat(logins.deleteByExpiresAtLessThan(T0)).isGreaterThanOrEqualTo(1);
        assertThat(logins.deleteReturning(expired)).isEmpty();
        assertThat(logins.deleteReturning(live)).hasSize(1);
    }

    @Test
    void deletesAreServedByTheirIndexes() {
        assertThat(plans.explain(plans.sql(LoginStateRepository.class, "deleteReturning"), "h")).contains("oauth_login_state_pkey")
                .doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(LoginStateRepository.class, "deleteByExpiresAtLessThan"), T0)).contains("oauth_login_state_expiry")
                .doesNotContain("Seq Scan");
    }
}
