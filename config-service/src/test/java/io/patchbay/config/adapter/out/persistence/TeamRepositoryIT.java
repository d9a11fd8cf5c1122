package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    final RepositoryDatabase db = new RepositoryDatabase("config_repo_team");
    @Inject
    TeamRepository repository;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    BeanContext context;

    @Override
    public Map<String, String> getProperties() {
        return db.properties();
    }

    @Test
    void theUpsertInsertsThenReplacesAndEveryColumnRoundTrips() {
        repository.upsert("team_up", "up-slug", "pro", T0, "owner_1");
        assertThat(repository.findById("team_up")).contains(new TeamRow("team_up", "up-slug", "pro", T0, "owner_1"));

        repository.upsert("team_up", null, "hobby", T0.plusSeconds(1), "owner_2");
        assertThat(repository.findById("team_up")).contains(new TeamRow("team_up", null, "hobby", T0.plusSeconds(1), "owner_2"));
        assertThat(repository.findBySlug("up-slug")).isEmpty();
    }

    @Test
    void aSlugOfAnotherTeamIsADuplicateKey() {
        repository.upsert("team_one", "shared-slug", "pro", T0, "owner");

        assertThatThrownBy(() -> repository.upsert("team_two", "shared-slug", "pro", T0, "owner")).isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.findBySlug("shared-slug")).map(TeamRow::id).contains("team_one");
    }

    @Test
    void textPostgresCannotStoreIsUnstorableText() {
        assertThatThrownBy(() -> repository.upsert("team_nul", "slug", "pro", T0, "own\u0000er")).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void theRowReadForUpdateStaysLockedUntilTheTransactionEnds() {
        repository.upsert("team_locked", null, "pro", T0, "owner");

        transactions.executeWrite(status -> {
            assertThat(repository.findByIdForUpdate("team_locked")).map(TeamRow::plan).contains("pro");
            try (Connection other = db.connect();
                 PreparedStatement ps = other.prepareStatement("SELECT id FROM team WHERE id = 'team_locked' FOR UPDATE NOWAIT")) {
                assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo(ConfigurationRepositoryIT.LOCK_NOT_AVAILABLE));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            return null;
        });
    }

    @Test
    void theSlugLookupIsServedByItsIndex() throws SQLException {
        String plan = db.genericPlan(RepositoryDatabase.sqlOf(context, TeamRepository.class, "findBySlug"));
        System.out.println("PLAN TeamRepository.findBySlug\n" + plan);
        assertThat(plan).contains("team_slug_key");
    }
}
