package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.FirstVersionIsOne;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.error.Problems;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
class TeamPersistenceAdapter implements TeamStore {
    private final TeamProfileRepository profiles;

    TeamPersistenceAdapter(TeamProfileRepository profiles) {
        this.profiles = profiles;
    }

    private static TeamProfile domain(TeamProfileRow r) {
        return new TeamProfile(r.id(), r.name(), r.domain(), r.logo(), r.verified(), r.whiteLabel(), r.tosLink(), r.allowImpersonation(),
                r.version(), Rows.millis(r.createdAt()), Rows.millis(r.updatedAt()), r.createdBy(), r.updatedBy());
    }

    @Override
    public Optional<TeamProfile> find(String teamId) {
        return profiles.findById(teamId).map(TeamPersistenceAdapter::domain);
    }

    @Override
    public List<TeamProfile> findAll(Collection<String> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return profiles.findByIdIn(teamIds).stream().map(TeamPersistenceAdapter::domain).toList();
    }

    /** Version 1 is a profile nobody stored yet: inserted unless another request stored one first (409, like a lost update). */
    @Override
    public void save(TeamProfile p) {
        if (p.version() == FirstVersionIsOne.FIRST) {
            if (insertIfAbsent(p) != 1) {
                throw lostRace(p);
            }
            return;
        }
        try {
            profiles.update(new TeamProfileRow(p.id(), p.name(), p.domain(), p.logo(), p.verified(), p.whiteLabel(), p.tosLink(),
                    p.allowImpersonation(), p.version() - 1, Rows.instant(p.createdAt()), Rows.instant(p.updatedAt()), p.createdBy(),
                    p.updatedBy()));
        } catch (DataAccessException e) {
            throw switch (e) {
                case OptimisticLockException _ -> lostRace(p);
                case DataAccessException other -> other;
            };
        }
    }

    @Override
    public void ensure(TeamProfile blank) {
        insertIfAbsent(blank);
    }

    private int insertIfAbsent(TeamProfile p) {
        return profiles.insertIfAbsent(p.id(), p.name(), p.domain(), p.logo(), p.verified(), p.whiteLabel(), p.tosLink(),
                p.allowImpersonation(), FirstVersionIsOne.FIRST, Rows.instant(p.createdAt()), Rows.instant(p.updatedAt()), p.createdBy(),
                p.updatedBy());
    }

    private static RuntimeException lostRace(TeamProfile p) {
        return Problems.conflict("the profile of team " + p.id() + " was changed by another request; read it again and retry");
    }
}
