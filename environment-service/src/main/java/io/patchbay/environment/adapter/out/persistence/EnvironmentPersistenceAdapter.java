package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class EnvironmentPersistenceAdapter implements EnvironmentStore {
    private final EnvironmentRepository environments;
    private final EnvironmentIntegrationRepository installs;

    EnvironmentPersistenceAdapter(EnvironmentRepository environments, EnvironmentIntegrationRepository installs) {
        this.environments = environments;
        this.installs = installs;
    }

    private static Environment domain(EnvironmentRow r) {
        return new Environment(r.id(), r.teamId(), r.name(), r.version(), Rows.millis(r.createdAt()), Rows.millis(r.updatedAt()),
                r.createdBy(), r.updatedBy());
    }

    /** The row to write; {@code version} is the one stored before this change (Micronaut Data checks and increments it). */
    private static EnvironmentRow row(Environment e, long version) {
        return new EnvironmentRow(e.id(), e.teamId(), e.name(), version, Rows.instant(e.createdAt()), Rows.instant(e.updatedAt()),
                e.createdBy(), e.updatedBy());
    }

    @Override
    public Optional<Environment> find(UUID id) {
        return environments.findById(id).map(EnvironmentPersistenceAdapter::domain);
    }

    @Override
    public Map<UUID, String> teamsOf(Collection<UUID> ids) {
        Map<UUID, String> teams = new HashMap<>();
        if (!ids.isEmpty()) {
            environments.teamsOf(ids.stream().map(UUID::toString).toArray(String[]::new)).forEach(t -> teams.put(t.id(), t.teamId()));
        }
        return teams;
    }

    @Override
    public void insert(Environment e) {
        try {
            environments.save(row(e, e.version()));
        } catch (DataAccessException ex) {
            throw switch (ex) {
                case DuplicateKeyException _ -> duplicate(e);
                case DataAccessException other -> other;
            };
        }
    }

    @Override
    public void update(Environment e) {
        try {
            environments.update(row(e, e.version() - 1));
        } catch (DataAccessException ex) {
            throw switch (ex) {
                case DuplicateKeyException _ -> duplicate(e);
                case OptimisticLockException _ ->
                        Problems.conflict("environment " + e.id() + " was changed by another request; read it again and retry");
                case DataAccessException other -> other;
            };
        }
    }

    private static RuntimeException duplicate(Environment e) {
        return Problems.conflict("team " + e.teamId() + " already has an environment named '" + e.name() + "'");
    }

    /** Under the environment's row lock no install of it can be added (its foreign key check waits for the lock). */
    @Override
    public boolean deleteIfEmpty(UUID id) {
        if (environments.findByIdForUpdate(id).isEmpty() || installs.existsByEnvironmentId(id)) {
            return false;
        }
        environments.deleteById(id);
        return true;
    }

    @Override
    public Page<Environment> list(Visibility visibility, String teamId, String name, int limit, PageKey after) {
        return Rows.page(environments.page(Rows.scope(visibility), Rows.teams(visibility), teamId, name, Rows.afterCreatedAt(after),
                        Rows.afterId(after), limit + 1).stream().map(EnvironmentPersistenceAdapter::domain).toList(), limit,
                e -> new PageKey(e.createdAt(), e.id()));
    }
}
