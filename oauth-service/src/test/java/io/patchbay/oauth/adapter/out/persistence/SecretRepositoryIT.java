package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.TestProperties;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** oauth_integration_secret through {@link SecretRepository}: upserts, the re-encryption's keyset and compare-and-set. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Inject
    SecretRepository secrets;
    @Inject
    IntegrationRepository integrations;
    @Inject
    BeanContext context;
    String jdbcUrl;
    QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_repo_secret");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        plans = new QueryPlans(context, jdbcUrl);
    }

    long integration() {
        return integrations.save(new IntegrationRow(null, UUID.randomUUID(), "team_secret", "n", null, "github", "Viewer", Map.of(), null, "active",
                null, 0, T0, T0, "c", "c")).id();
    }

    @Test
    void anUpsertStoresThenReplacesAndEveryColumnRoundTrips() {
        long id = integration();
        secrets.upsert(id, "client_secret", "v1:k1:AAAA", "k1", T0, "alice");
        secrets.upsert(id, "private_key", "v1:k1:BBBB", "k1", T0, "alice");
        assertThat(secrets.findByIdIntegrationId(id)).containsExactlyInAnyOrder(
                new SecretRow(new SecretRow.Key(id, "client_secret"), "v1:k1:AAAA", "k1", T0, "alice"),
                new SecretRow(new SecretRow.Key(id, "private_key"), "v1:k1:BBBB", "k1", T0, "alice"));

        secrets.upsert(id, "client_secret", "v1:k2:CCCC", "k2", T0.plusSeconds(9), "bob");
        assertThat(secrets.findByIdIntegrationId(id)).as("the same name is replaced, not duplicated").containsExactlyInAnyOrder(
                new SecretRow(new SecretRow.Key(id, "client_secret"), "v1:k2:CCCC", "k2", T0.plusSeconds(9), "bob"),
                new SecretRow(new SecretRow.Key(id, "private_key"), "v1:k1:BBBB", "k1", T0, "alice"));

        long other = integration();
        secrets.upsert(other, "client_secret", "v1:k1:DDDD", "k1", T0, "carol");
        assertThat(secrets.findByIdIntegrationIdIn(List.of(id, other))).extracting(s -> s.id().integrationId() + "/" + s.id().name())
                .containsExactlyInAnyOrder(id + "/client_secret", id + "/private_key", other + "/client_secret");

        assertThat(secrets.deleteByIdIntegrationIdAndIdNameIn(id, Set.of("private_key", "unknown"))).isEqualTo(1);
        assertThat(secrets.findByIdIntegrationId(id)).extracting(s -> s.id().name()).containsExactly("client_secret");
        integrations.deleteById(other);
        assertThat(secrets.findByIdIntegrationId(other)).as("secrets go with their integration").isEmpty();
    }

    @Test
    void aNameWithNulIsUnstorableText() {
        long id = integration();
        assertThatThrownBy(() -> secrets.upsert(id, "a\0b", "v1:k1:AAAA", "k1", T0, "alice")).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void reencryptionWalksTheKeysetAndReplacesOnlyUnchangedValues() {
        String oldKey = "old" + UUID.randomUUID().toString().substring(0, 8);
        long first = integration();
        long second = integration();
        secrets.upsert(first, "b", "v1:" + oldKey + ":1", oldKey, T0, "u");
        secrets.upsert(first, "a", "v1:" + oldKey + ":2", oldKey, T0, "u");
        secrets.upsert(first, "c", "v1:active:3", "active", T0, "u");
        secrets.upsert(second, "a", "v1:" + oldKey + ":4", oldKey, T0, "u");

        List<SecretRow> page = secrets.findNotUnder("active", first, "", 2);
        assertThat(page).extracting(s -> s.id().name()).containsExactly("a", "b");
        List<SecretRow> next = secrets.findNotUnder("active", first, "b", 1);
        assertThat(next).extracting(s -> s.id().integrationId() + "/" + s.id().name()).containsExactly(second + "/a");
        assertThat(next.getFirst().sealedValue()).isEqualTo("v1:" + oldKey + ":4");

        assertThat(secrets.replace(first, "a", "v1:" + oldKey + ":2", "v1:active:2", "active")).isEqualTo(1);
        assertThat(secrets.replace(first, "b", "v1:" + oldKey + ":changed meanwhile", "v1:active:1", "active"))
                .as("a value rotated since it was read is not overwritten").isZero();
        assertThat(secrets.findByIdIntegrationId(first)).extracting(SecretRow::sealedValue)
                .containsExactlyInAnyOrder("v1:active:2", "v1:" + oldKey + ":1", "v1:active:3");
    }

    @Test
    void readsAreServedByThePrimaryKey() {
        // a realistic table (statistics included): on a nearly empty one the planner rightly sorts a handful of rows itself
        Db db = new Db(jdbcUrl);
        db.execute("INSERT INTO oauth_integration (guid, team_id, template, auth_type, config, state, version, created_time, updated_time, "
                + "created_by, updated_by) SELECT gen_random_uuid(), 'team_seed', 'github', 'Viewer', '{}', 'active', 0, now(), now(), 's', 's' "
                + "FROM generate_series(1, 2000)");
        db.execute("INSERT INTO oauth_integration_secret (integration_id, name, sealed_value, key_id, updated_time, updated_by) "
                + "SELECT i.id, n.name, 'v1:old:x', 'old', now(), 's' FROM oauth_integration i, (VALUES ('client_secret'), ('private_key')) n(name) "
                + "WHERE i.team_id = 'team_seed'");
        db.execute("ANALYZE oauth_integration_secret");
        long id = integration();
        String keyset = plans.explain(plans.sql(SecretRepository.class, "findNotUnder"), "active", id, "", 200);
        assertThat(keyset).contains("oauth_integration_secret_pkey").doesNotContain("Sort").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(SecretRepository.class, "findByIdIntegrationId"), id))
                .contains("oauth_integration_secret_pkey").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(SecretRepository.class, "findByIdIntegrationIdIn"), id))
                .contains("oauth_integration_secret_pkey").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(SecretRepository.class, "replace"), "v", "k", id, "a", "old"))
                .contains("oauth_integration_secret_pkey").doesNotContain("Seq Scan");
    }
}
