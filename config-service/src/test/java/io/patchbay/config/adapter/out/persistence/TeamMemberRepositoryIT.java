package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.domain.Member;
import io.patchbay.kernel.auth.TeamRole;
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
class TeamMemberRepositoryIT implements TestPropertyProvider {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    final RepositoryDatabase db = new RepositoryDatabase("config_repo_member");
    @Inject
    TeamMemberRepository repository;
    @Inject
    MembershipStore store;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    BeanContext context;

    @Override
    public Map<String, String> getProperties() {
        return db.properties();
    }

    @Test
    void theUpsertInsertsThenReplacesAndTheKeyMapsToItsTwoColumns() throws SQLException {
        TeamMemberKey key = new TeamMemberKey("team_m", "user_m");
        repository.upsert("team_m", "user_m", "OWNER", T0, "admin_1");
        assertThat(repository.findById(key)).contains(new TeamMemberRow(key, "OWNER", T0, "admin_1"));

        repository.upsert("team_m", "user_m", "VIEWER", T0.plusSeconds(1), "admin_2");
        assertThat(repository.findById(key)).contains(new TeamMemberRow(key, "VIEWER", T0.plusSeconds(1), "admin_2"));
        assertThat(db.strings("SELECT team_id || '/' || user_id || '/' || role FROM team_member WHERE team_id = 'team_m'"))
                .containsExactly("team_m/user_m/VIEWER");

        repository.deleteById(key);
        assertThat(repository.findById(key)).isEmpty();
    }

    @Test
    void theAdapterReturnsWhatWasThereBeforeEachChange() {
        assertThat(store.saveMember(new Member("team_s", "user_s", TeamRole.OWNER), "admin")).isEmpty();
        assertThat(store.saveMember(new Member("team_s", "user_s", TeamRole.BILLING), "admin"))
                .contains(new Member("team_s", "user_s", TeamRole.OWNER));
        assertThat(store.removeMember("team_s", "user_s")).contains(new Member("team_s", "user_s", TeamRole.BILLING));
        assertThat(store.removeMember("team_s", "user_s")).isEmpty();
        assertThat(store.findMember("team_s", "user_s")).isEmpty();
    }

    @Test
    void theRowReadForUpdateStaysLockedUntilTheTransactionEnds() {
        repository.upsert("team_l", "user_l", "MEMBER", T0, "admin");

        transactions.executeWrite(status -> {
            assertThat(repository.findByIdForUpdate(new TeamMemberKey("team_l", "user_l"))).map(TeamMemberRow::role).contains("MEMBER");
            try (Connection other = db.connect(); PreparedStatement ps = other.prepareStatement(
                    "SELECT role FROM team_member WHERE team_id = 'team_l' AND user_id = 'user_l' FOR UPDATE NOWAIT")) {
                assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo(ConfigurationRepositoryIT.LOCK_NOT_AVAILABLE));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            return null;
        });
    }

    @Test
    void theKeyLookupIsServedByThePrimaryKey() throws SQLException {
        String plan = db.genericPlan(RepositoryDatabase.sqlOf(context, TeamMemberRepository.class, "findById"));
        System.out.println("PLAN TeamMemberRepository.findById\n" + plan);
        assertThat(plan).contains("team_member_pkey");
    }
}
