package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
class EnvironmentRepositoryIT extends RepositoryIT {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    @Inject
    EnvironmentRepository environments;
    @Inject
    EnvironmentStore store;
    @Inject
    TransactionOperations<Connection> tx;

    /** 600 environments of six teams, one a second, so the planner has statistics to choose from. */
    @BeforeAll
    void manyEnvironments() {
        db.execute("""
                INSERT INTO environment (id, team_id, name, version, created_at, updated_at, created_by, updated_by)
                SELECT gen_random_uuid(), 'team_bulk' || (n % 6), 'env-' || n, 1, CAST(? AS timestamptz) + n * interval '1 second',
                       CAST(? AS timestamptz) + n * interval '1 second', 'bulk', 'bulk'
                FROM generate_series(1, 600) n""", T0, T0);
        db.execute("ANALYZE environment");
    }

    static EnvironmentRow row(String team, String name) {
        return new EnvironmentRow(UUID.randomUUID(), team, name, 1, T0, T0.plusMillis(1), "user_creator", "user_updater");
    }

    @Test
    void aSavedRowReadsBackWithEveryColumnAndVersionOne() {
        EnvironmentRow saved = row("team_roundtrip", "production");
        environments.save(saved);
        assertThat(environments.findById(saved.id())).contains(saved);
        assertThat(db.value("SELECT version FROM environment WHERE id = ?", saved.id())).isEqualTo(1L);
    }

    @Test
    void aSecondEnvironmentOfTheSameNameInTheTeamIsADuplicateKeyAndThe409OfTheStore() {
        environments.save(row("team_dup", "staging"));
        assertThatThrownBy(() -> environments.save(row("team_dup", "staging")))
                .isInstanceOf(DuplicateKeyException.class);
        EnvironmentRow other = row("team_dup", "other");
        Environment domain = new Environment(UUID.randomUUID(), "team_dup", "staging", 1, 1, 1, "u", "u");
        assertThatThrownBy(() -> store.insert(domain)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
        environments.save(other);
        Environment renamed = new Environment(other.id(), "team_dup", "staging", 2, 1, 2, "u", "u");
        assertThatThrownBy(() -> store.update(renamed)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflictAndThe409OfTheStore() {
        EnvironmentRow saved = row("team_version", "dev");
        environments.save(saved);
        EnvironmentRow read = environments.findById(saved.id()).orElseThrow();
        environments.update(new EnvironmentRow(read.id(), read.teamId(), "dev-1", read.version(), read.createdAt(), T0.plusSeconds(1),
                read.createdBy(), "user_first"));
        assertThat(environments.findById(saved.id()).orElseThrow().version()).isEqualTo(2);
        assertThatThrownBy(() -> environments.update(new EnvironmentRow(read.id(), read.teamId(), "dev-2", read.version(), read.createdAt(),
                T0.plusSeconds(2), read.createdBy(), "user_second"))).isInstanceOf(OptimisticLockException.class);
        assertThat(environments.findById(saved.id()).orElseThrow().name()).isEqualTo("dev-1");
        Environment stale = new Environment(saved.id(), "team_version", "dev-3", 2, 1, 3, "u", "u");
        assertThatThrownBy(() -> store.update(stale)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
    }

    @Test
    void textPostgresCannotStoreIsTheKernelsUnstorableTextException() {
        Environment nul = new Environment(UUID.randomUUID(), "team_nul", "nul", 1, 1, 1, "user\u0000nul", "user\u0000nul");
        assertThatThrownBy(() -> store.insert(nul)).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void theRowLockIsTakenThroughThePrimaryKey() {
        EnvironmentRow saved = row("team_lock", "locked");
        environments.save(saved);
        String sql = db.sqlOf(() -> tx.executeWrite(status -> {
            assertThat(environments.findByIdForUpdate(saved.id())).isPresent();
            assertThat(db.sqlState("SELECT 1 FROM environment WHERE id = ? FOR UPDATE NOWAIT", saved.id()))
                    .as("another transaction cannot lock it").isEqualTo("55P03");
            return null;
        }));
        assertThat(db.plan(sql, saved.id())).contains("LockRows", "Index Scan using environment_pkey");
    }

    @Test
    void aTeamMembersPagesAreServedByThePageIndexWithoutASort() {
        String[] teams = {"team_bulk1", "team_bulk2"};
        String first = db.planOf(() -> environments.page(null, teams, null, null, null, null, 26), page(null, teams, null, null, null, null, 26));
        assertThat(first).contains("Index Scan Backward using environment_page").doesNotContain("Sort");
        Instant at = T0.plusSeconds(300);
        UUID id = UUID.randomUUID();
        String next = db.planOf(() -> environments.page(null, teams, null, null, at, id, 26), page(null, teams, null, null, at, id, 26));
        assertThat(next).contains("Index Scan Backward using environment_page", "Index Cond: (ROW(created_at, id) < ROW(")
                .doesNotContain("Sort");
        String everyTeam = db.planOf(() -> environments.page(null, null, null, null, at, id, 26), page(null, null, null, null, at, id, 26));
        assertThat(everyTeam).as("an admin's").contains("Index Scan Backward using environment_page").doesNotContain("Sort");
    }

    @Test
    void aNameFilterIsServedByTheTeamNameIndexAndAScopedTokenByThePrimaryKey() {
        String[] teams = {"team_bulk1"};
        assertThat(db.planOf(() -> environments.page(null, teams, "team_bulk1", "env-7", null, null, 26),
                page(null, teams, "team_bulk1", "env-7", null, null, 26))).contains("Index Scan using environment_team_name");
        UUID scope = (UUID) db.value("SELECT id FROM environment WHERE name = 'env-8'");
        assertThat(db.planOf(() -> environments.page(scope, null, null, null, null, null, 26), page(scope, null, null, null, null, null, 26)))
                .contains("Index Scan using environment_pkey");
    }

    /** The values of EnvironmentRepository.page for its ?s: each optional filter is bound twice (IS NULL test, comparison). */
    static Object[] page(UUID scope, String[] teams, String teamId, String name, Instant afterCreatedAt, UUID afterId, int limit) {
        return new Object[]{scope, scope, teams, teams, teamId, teamId, name, name, afterCreatedAt, afterId, limit};
    }
}
