package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Plan;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    final RepositoryDatabase db = new RepositoryDatabase("config_repo_app");
    @Inject
    AppRepository repository;
    @Inject
    AppStore store;
    @Inject
    BeanContext context;

    @Override
    public Map<String, String> getProperties() {
        return db.properties();
    }

    @Test
    void everyColumnRoundTripsAndANewRowIsVersionOne() throws SQLException {
        AppRow row = new AppRow("oac_round", "round-app", "Round", "https://example.com/i.png", List.of("read:project", "write:env"), true,
                "team_partner", "enterprise", (short) 2, false, true, T0, T0.plusMillis(1), "admin_1", "admin_2", 1, "https://partner.example.com/hook",
                "v1:k1:sealed");

        repository.save(row);

        assertThat(repository.findById("oac_round")).contains(row);
        assertThat(db.strings("SELECT concat_ws('|', version, (extract(epoch FROM updated_at) * 1000)::bigint, array_to_string(scopes, ',')) "
                + "FROM app WHERE id = 'oac_round'")).containsExactly("1|" + T0.plusMillis(1).toEpochMilli() + "|read:project,write:env");
        AppRow bare = app("oac_bare", "bare-app", "hobby", 0);
        repository.save(bare);
        assertThat(repository.findById("oac_bare")).contains(bare);
    }

    @Test
    void aTakenSlugOrIdIsADuplicateKey() {
        repository.save(app("oac_first", "taken-slug", "hobby", 0));

        assertThatThrownBy(() -> repository.save(app("oac_second", "taken-slug", "hobby", 0))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> repository.save(app("oac_first", "other-slug", "hobby", 0))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void textPostgresCannotStoreIsUnstorableText() {
        AppRow nul = new AppRow("oac_nul", "nul-app", "Sl\u0000ack", null, List.of(), false, null, "hobby", (short) 0, true, false, T0, T0,
                "admin", "admin", 1, null, null);

        assertThatThrownBy(() -> repository.save(nul)).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflict() {
        AppRow v1 = repository.save(app("oac_stale", "stale-app", "hobby", 0));
        AppRow v2 = repository.update(renamed(v1, "Second"));
        assertThat(v2.version()).isEqualTo(2);

        assertThatThrownBy(() -> repository.update(renamed(v1, "Third"))).isInstanceOf(OptimisticLockException.class);
        assertThat(repository.findById("oac_stale").orElseThrow().name()).isEqualTo("Second");
    }

    @Test
    void theAdapterAnswersAConflictWhenTheAppChangedSinceItWasRead() {
        App original = new App("oac_adapter", "adapter-app", "Adapter", null, List.of(), false, null, Plan.HOBBY, true, false,
                T0.toEpochMilli(), T0.toEpochMilli());
        store.insert(original, "admin");
        App first = withName(original, "First");
        store.update(original, first, "admin");

        assertThatThrownBy(() -> store.update(original, withName(original, "Lost"), "admin"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("changed by another request"));
        assertThat(store.findByIdOrSlug("adapter-app")).contains(first);
        assertThatThrownBy(() -> store.insert(new App("oac_adapter2", "adapter-app", "Same slug", null, List.of(), false, null, Plan.HOBBY,
                true, false, T0.toEpochMilli(), T0.toEpochMilli()), "admin"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("already exists"));
    }

    @Test
    void theRegistryListAndLookupsAreServedByTheirIndexes() throws SQLException {
        repository.save(app("oac_b", "b-app", "hobby", 0));
        repository.save(app("oac_a", "a-app", "hobby", 0));
        assertThat(repository.listOrderBySlug()).extracting(AppRow::slug).containsSubsequence("a-app", "b-app");
        assertThat(repository.findByIdIn(List.of("oac_a", "oac_b", "oac_none"))).extracting(AppRow::id).containsExactlyInAnyOrder("oac_a", "oac_b");
        assertThat(repository.findByIdOrSlug("b-app", "b-app")).map(AppRow::id).contains("oac_b");
        assertThat(repository.findByIdOrSlug("oac_a", "oac_a")).map(AppRow::id).contains("oac_a");

        assertThat(plan("listOrderBySlug")).contains("app_slug_key").doesNotContain("Sort");
        assertThat(plan("findByIdIn")).contains("app_pkey");
        assertThat(plan("findByIdOrSlug")).contains("app_pkey").contains("app_slug_key");
    }

    private String plan(String method) throws SQLException {
        String plan = db.genericPlan(RepositoryDatabase.sqlOf(context, AppRepository.class, method));
        System.out.println("PLAN AppRepository." + method + "\n" + plan);
        return plan;
    }

    static AppRow app(String id, String slug, String plan, int rank) {
        return new AppRow(id, slug, "App " + slug, null, List.of(), false, null, plan, (short) rank, true, false, T0, T0, "admin", "admin", 1, null, null);
    }

    private static AppRow renamed(AppRow r, String name) {
        return new AppRow(r.id(), r.slug(), name, r.icon(), r.scopes(), r.marketplace(), r.partnerTeamId(), r.requiredPlan(), r.requiredPlanRank(),
                r.available(), r.legacy(), r.createdAt(), r.updatedAt(), r.createdBy(), r.updatedBy(), r.version(), r.webhookUrl(), r.clientSecret());
    }

    private static App withName(App a, String name) {
        return new App(a.id(), a.slug(), name, a.icon(), a.scopes(), a.marketplace(), a.partnerTeamId(), a.requiredPlan(), a.available(),
                a.legacy(), a.createdAt(), a.updatedAt() + 1);
    }
}
