package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.IntegrationStore.LifecycleChange;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.TestProperties;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** oauth_integration through {@link IntegrationRepository} on a real PostgreSQL with the service's migrations. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Inject
    IntegrationRepository repository;
    @Inject
    SecretRepository secrets;
    @Inject
    IntegrationStore store;
    @Inject
    BeanContext context;
    String jdbcUrl;
    QueryPlans plans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_repo_integration");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        plans = new QueryPlans(context, jdbcUrl);
    }

    static IntegrationRow row(String team, String configurationId) {
        return new IntegrationRow(null, UUID.randomUUID(), team, "Name ü", "Description", "custom", "Service Account",
                Map.of("client_id", "id-1", "scopes", "a b", "token_uri", "https://idp.example.com/t"), configurationId, "disabled",
                "billing", 0, T0, T0.plusSeconds(5), "creator", "updater");
    }

    @Test
    void everyColumnRoundTrips() {
        IntegrationRow saved = repository.save(row("team_rt", "icfg_RoundTripAAAAAAAAAAAAAAA"));
        assertThat(saved.id()).isNotNull();
        assertThat(saved.version()).as("Micronaut Data starts a new row's @Version at 0").isZero();
        assertThat(repository.findById(saved.id())).contains(saved);
        assertThat(repository.findByGuid(saved.guid())).contains(saved);
        assertThat(new Db(jdbcUrl).strings("SELECT config::text FROM oauth_integration WHERE id = ?", saved.id()))
                .as("config is a jsonb object, not a quoted string").containsExactly(
                        "{\"scopes\": \"a b\", \"client_id\": \"id-1\", \"token_uri\": \"https://idp.example.com/t\"}");

        IntegrationRow nulls = repository.save(new IntegrationRow(null, UUID.randomUUID(), "team_rt", null, null, "github", "Viewer", Map.of(), null,
                "active", null, 0, T0, T0, "c", "c"));
        assertThat(repository.findById(nulls.id())).contains(nulls);
    }

    /** Micronaut Data wraps a failed save; the kernel's mapping is its cause, and the adapter throws that (the API's 409 / 400). */
    @Test
    void aSecondRowWithTheSameGuidIsADuplicateKey() {
        IntegrationRow first = repository.save(row("team_dup", null));
        IntegrationRow again = new IntegrationRow(null, first.guid(), "team_dup", "again", null, "github", "Viewer", Map.of(), null, "active", null, 0,
                T0, T0, "c", "c");
        assertThatThrownBy(() -> repository.save(again)).isInstanceOf(DuplicateKeyException.class);

        OAuthIntegration integration = integration("team_dup", "twice");
        store.insert(integration, Map.of());
        assertThatThrownBy(() -> store.insert(integration, Map.of())).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void textPostgresCannotStoreIsUnstorableText() {
        IntegrationRow nul = new IntegrationRow(null, UUID.randomUUID(), "team_nul", "a\0b", null, "github", "Viewer", Map.of(), null, "active", null,
                0, T0, T0, "c", "c");
        assertThatThrownBy(() -> repository.save(nul)).isInstanceOf(UnstorableTextException.class);
        assertThatThrownBy(() -> store.insert(integration("team_nul", "a\0b"), Map.of())).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflict() {
        IntegrationRow saved = repository.save(row("team_version", null));
        IntegrationRow changed = repository.update(copy(saved, "first change", saved.version()));
        assertThat(changed.version()).isEqualTo(saved.version() + 1);
        assertThat(repository.findById(saved.id()).orElseThrow().name()).isEqualTo("first change");

        assertThatThrownBy(() -> repository.update(copy(saved, "lost race", saved.version()))).isInstanceOf(OptimisticLockException.class);
        assertThat(repository.findById(saved.id()).orElseThrow().name()).isEqualTo("first change");

        OAuthIntegration staleRead = store.findById(saved.id()).map(i -> withVersion(i, saved.version())).orElseThrow();
        assertThatThrownBy(() -> store.updateLifecycle(List.of(new LifecycleChange(saved.version(),
                staleRead.configurationDisabled("x", T0, "lifecycle"))))).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(repository.findById(saved.id()).orElseThrow().version()).as("a lifecycle write from a stale read is refused")
                .isEqualTo(changed.version());
    }

    @Test
    void lifecycleUpdatesEveryLinkedRowAndMovesItsVersionOn() {
        String configuration = "icfg_Lifecycle" + "A".repeat(15);
        IntegrationRow a = repository.save(row("team_life", configuration));
        IntegrationRow b = repository.save(row("team_life", configuration));
        IntegrationRow other = repository.save(row("team_life", "icfg_Other" + "A".repeat(19)));

        List<OAuthIntegration> linked = store.lockByConfigurations(List.of(configuration, "icfg_None" + "A".repeat(20)));
        assertThat(linked).extracting(OAuthIntegration::id).containsExactly(a.id(), b.id());
        store.updateLifecycle(linked.stream().map(i -> new LifecycleChange(i.version(), i.configurationDisabled("plan expired",
                T0.plusSeconds(60), "lifecycle"))).toList());
        IntegrationRow disabled = repository.findById(a.id()).orElseThrow();
        assertThat(disabled).extracting(IntegrationRow::state, IntegrationRow::disabledReason, IntegrationRow::version, IntegrationRow::updatedTime,
                IntegrationRow::updatedBy).containsExactly("disabled", "plan expired", a.version() + 1, T0.plusSeconds(60), "lifecycle");

        List<OAuthIntegration> again = store.lockByConfigurations(List.of(configuration));
        assertThat(again.getFirst().configurationActivated(T0, "lifecycle").configurationActivated(T0, "lifecycle").state())
                .isEqualTo(IntegrationState.ACTIVE);
        store.updateLifecycle(again.stream().map(i -> new LifecycleChange(i.version(), i.configurationActivated(T0.plusSeconds(120),
                "lifecycle"))).toList());
        assertThat(repository.findById(b.id()).orElseThrow()).extracting(IntegrationRow::state, IntegrationRow::disabledReason, IntegrationRow::version)
                .containsExactly("active", null, b.version() + 2);
        assertThat(repository.findById(other.id()).orElseThrow().version()).as("an unlinked row is not touched").isEqualTo(other.version());

        store.deleteAll(List.of(a.id(), b.id()));
        assertThat(repository.findById(a.id())).isEmpty();
        assertThat(repository.findById(b.id())).isEmpty();
        assertThat(repository.findById(other.id())).isPresent();
    }

    private static OAuthIntegration withVersion(OAuthIntegration i, long version) {
        return new OAuthIntegration(i.id(), i.guid(), i.teamId(), i.name(), i.description(), i.template(), i.authType(), i.config(),
                i.secretNames(), i.configurationId(), i.state(), i.disabledReason(), version, i.createdTime(), i.updatedTime(), i.createdBy(),
                i.updatedBy());
    }

    @Test
    void theAdaptersInsertIsOneTransaction() {
        OAuthIntegration integration = integration("team_atomic", "atomic");
        assertThatThrownBy(() -> store.insert(integration, Map.of("client\0secret", "v1:k1:AAAA"))).isInstanceOf(UnstorableTextException.class);
        assertThat(repository.findByGuid(integration.guid())).as("the secret failed: the integration is not kept either").isEmpty();

        OAuthIntegration stored = store.insert(integration, Map.of("client_secret", "v1:k1:AAAA"));
        assertThat(store.findByGuid(integration.guid())).contains(stored);
        assertThat(stored.secretNames()).containsExactly("client_secret");
        assertThat(secrets.findByIdIntegrationId(stored.id())).extracting(SecretRow::keyId).containsExactly("k1");
    }

    @Test
    void listsAreServedByTheirIndexes() {
        IntegrationRow a = repository.save(row("team_plan", "icfg_Plan" + "A".repeat(20)));
        String byTeam = plans.explain(plans.sql(IntegrationRepository.class, "findByTeamIdOrderById"), "team_plan");
        assertThat(byTeam).contains("oauth_integration_team").doesNotContain("Sort").doesNotContain("Seq Scan");
        assertThat(repository.findByTeamIdOrderById("team_plan")).extracting(IntegrationRow::id).containsExactly(a.id());

        String all = plans.explain(plans.sql(IntegrationRepository.class, "listOrderById"));
        assertThat(all).contains("oauth_integration_pkey").doesNotContain("Sort").doesNotContain("Seq Scan");

        assertThat(plans.explain(plans.sql(IntegrationRepository.class, "findByGuid"), a.guid())).contains("oauth_integration_guid_key");
        assertThat(plans.explain(plans.sql(IntegrationRepository.class, "findByIdIn"), a.id())).contains("oauth_integration_pkey");
        assertThat(plans.explain(plans.sql(IntegrationRepository.class, "findByTeamIdAndGuidInOrderById"), "team_plan", a.guid()))
                .containsAnyOf("oauth_integration_guid_key", "oauth_integration_team").doesNotContain("Seq Scan");

        String[] configurations = {"icfg_Plan" + "A".repeat(20), "icfg_Plan" + "B".repeat(20)};
        assertThat(plans.explain(plans.sql(IntegrationRepository.class, "lockByConfigurationIds"), (Object) configurations))
                .contains("oauth_integration_configuration", "LockRows").doesNotContain("Seq Scan");
        String[] ids = {Long.toString(a.id())};
        String[] one = {"1"};
        assertThat(plans.explain(plans.sql(IntegrationRepository.class, "updateLifecycle"), ids, one, new String[] {"disabled"},
                new String[] {"reason"}, new String[] {"2"}, new String[] {T0.toString()}, new String[] {"lifecycle"}))
                .contains("oauth_integration_pkey").doesNotContain("Seq Scan");
        assertThat(plans.explain(plans.sql(IntegrationRepository.class, "deleteByIds"), (Object) ids))
                .contains("oauth_integration_pkey").doesNotContain("Seq Scan");
    }

    private static OAuthIntegration integration(String team, String name) {
        return new OAuthIntegration(null, UUID.randomUUID(), team, name, null, "github", AuthType.VIEWER, Map.of("client_id", "x"),
                Set.of("client_secret"), null, IntegrationState.ACTIVE, null, 1, T0, T0, "u", "u");
    }

    private static IntegrationRow copy(IntegrationRow r, String name, long version) {
        return new IntegrationRow(r.id(), r.guid(), r.teamId(), name, r.description(), r.template(), r.authType(), r.config(), r.configurationId(),
                r.state(), r.disabledReason(), version, r.createdTime(), T0.plus(1, ChronoUnit.HOURS), r.createdBy(), "changer");
    }
}
