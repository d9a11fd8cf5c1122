package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
class TeamProfileRepositoryIT extends RepositoryIT {
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.891Z");

    @Inject
    TeamProfileRepository profiles;
    @Inject
    TeamStore store;

    static int insert(TeamProfileRepository profiles, String id, String name) {
        return profiles.insertIfAbsent(id, name, "example.com", null, true, false, null, true, 1, T0, T0.plusMillis(1), "user_creator",
                "user_updater");
    }

    @Test
    void anInsertedProfileReadsBackWithEveryColumnIncludingNulls() {
        assertThat(insert(profiles, "team_roundtrip", "Round Trip")).isEqualTo(1);
        assertThat(profiles.findById("team_roundtrip")).contains(new TeamProfileRow("team_roundtrip", "Round Trip", "example.com", null, true,
                false, null, true, 1, T0, T0.plusMillis(1), "user_creator", "user_updater"));
    }

    @Test
    void theInsertOfAnExistingProfileDoesNothingAndTheStoresSaveOfANewOneLosesTheRaceWith409() {
        assertThat(insert(profiles, "team_twice", "First")).isEqualTo(1);
        assertThat(insert(profiles, "team_twice", "Second")).as("ON CONFLICT DO NOTHING").isZero();
        assertThat(profiles.findById("team_twice").orElseThrow().name()).isEqualTo("First");
        TeamProfile alsoNew = TeamProfile.blank("team_twice", 1, "u").changed("Third", null, null, null, null, null, null, 2, "u");
        assertThatThrownBy(() -> store.save(alsoNew)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
        store.ensure(TeamProfile.blank("team_twice", 3, "u"));
        assertThat(profiles.findById("team_twice").orElseThrow().name()).as("ensure keeps a stored profile").isEqualTo("First");
    }

    @Test
    void savingAProfileWhoseIdIsTakenIsADuplicateKey() {
        insert(profiles, "team_dup", "Taken");
        assertThatThrownBy(() -> profiles.save(new TeamProfileRow("team_dup", "Other", null, null, false, false, null, false, 1, T0, T0,
                "u", "u"))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anUpdateFromAStaleVersionIsAnOptimisticLockConflictAndThe409OfTheStore() {
        insert(profiles, "team_version", "v1");
        TeamProfileRow read = profiles.findById("team_version").orElseThrow();
        TeamProfileRow changed = new TeamProfileRow(read.id(), "v2", read.domain(), "https://logo", false, true, "https://tos", false,
                read.version(), read.createdAt(), T0.plusSeconds(1), read.createdBy(), "user_first");
        profiles.update(changed);
        assertThat(profiles.findById("team_version").orElseThrow()).isEqualTo(new TeamProfileRow(read.id(), "v2", read.domain(),
                "https://logo", false, true, "https://tos", false, 2, read.createdAt(), T0.plusSeconds(1), read.createdBy(), "user_first"));
        assertThatThrownBy(() -> profiles.update(changed)).isInstanceOf(OptimisticLockException.class);
        TeamProfile stale = store.find("team_version").orElseThrow();
        store.save(stale.changed("v3", null, null, null, null, null, null, 3, "u"));
        assertThatThrownBy(() -> store.save(stale.changed("v3-lost", null, null, null, null, null, null, 4, "u")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(profiles.findById("team_version").orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void theProfilesOfAPageAreReadThroughThePrimaryKey() {
        db.execute("""
                INSERT INTO team_profile (id, name, created_at, updated_at, created_by, updated_by)
                SELECT 'team_bulk' || n, 'Team ' || n, now(), now(), 'bulk', 'bulk' FROM generate_series(1, 500) n""");
        db.execute("ANALYZE team_profile");
        assertThat(db.planOf(() -> profiles.findByIdIn(List.of("team_bulk1", "team_bulk2")), "team_bulk1", "team_bulk2"))
                .contains("team_profile_pkey");
        assertThat(store.findAll(List.of("team_bulk1", "team_bulk2", "team_none"))).extracting(TeamProfile::name)
                .containsExactlyInAnyOrder("Team 1", "Team 2");
    }
}
