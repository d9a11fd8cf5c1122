package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Columns;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class EnvironmentIntegrationPersistenceAdapter implements EnvironmentIntegrationStore {
    private final EnvironmentIntegrationRepository installs;
    private final JsonColumns json;

    EnvironmentIntegrationPersistenceAdapter(EnvironmentIntegrationRepository installs, JsonColumns json) {
        this.installs = installs;
        this.json = json;
    }

    private EnvironmentIntegration domain(EnvironmentIntegrationRow r) {
        return new EnvironmentIntegration(r.id(), r.integrationId(), r.environmentId(), r.showInCatalog(), r.enabled(),
                json.read(r.override()), r.configurationId(), r.approved(), r.configurationDisabled(), r.disabledReason(),
                r.rememberedEnabled(), r.version(), Rows.millis(r.createdAt()), Rows.millis(r.updatedAt()), r.createdBy(), r.updatedBy());
    }

    /** The row to write; {@code version} is the one stored before this change (Micronaut Data checks and increments it). */
    private EnvironmentIntegrationRow row(EnvironmentIntegration i, long version) {
        return new EnvironmentIntegrationRow(i.id(), i.integrationId(), i.environmentId(), i.showInCatalog(), i.enabled(),
                json.write(i.override()), i.configurationId(), i.approved(), i.configurationDisabled(), i.disabledReason(),
                i.rememberedEnabled(), version, Rows.instant(i.createdAt()), Rows.instant(i.updatedAt()), i.createdBy(), i.updatedBy());
    }

    @Override
    public Optional<EnvironmentIntegration> find(UUID id) {
        return installs.findById(id).map(this::domain);
    }

    @Override
    public void insert(EnvironmentIntegration i) {
        try {
            installs.save(row(i, i.version()));
        } catch (DataAccessException e) {
            throw switch (e) {
                case DuplicateKeyException _ ->
                        Problems.conflict("integration " + i.integrationId() + " is already installed in environment " + i.environmentId());
                case DataAccessException other when Rows.isForeignKeyViolation(other) ->
                        Rows.referenceGone("the environment or the integration");
                case DataAccessException other -> other;
            };
        }
    }

    @Override
    public void update(EnvironmentIntegration i) {
        try {
            installs.update(row(i, i.version() - 1));
        } catch (DataAccessException e) {
            throw switch (e) {
                case OptimisticLockException _ ->
                        Problems.conflict("environment integration " + i.id() + " was changed by another request; read it again and retry");
                case DataAccessException other -> other;
            };
        }
    }

    @Override
    public void delete(UUID id) {
        installs.deleteById(id);
    }

    @Override
    public List<EnvironmentIntegration> lockByConfigurations(Collection<String> configurationIds) {
        if (configurationIds.isEmpty()) {
            return List.of();
        }
        return installs.lockByConfigurationIds(configurationIds.toArray(String[]::new)).stream().map(this::domain).toList();
    }

    @Override
    public void updateLifecycle(Collection<LifecycleChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        int written = installs.updateLifecycle(
                Columns.of(changes, c -> c.install().id().toString()),
                Columns.of(changes, c -> Long.toString(c.readVersion())),
                Columns.of(changes, c -> Boolean.toString(c.install().enabled())),
                Columns.of(changes, c -> Boolean.toString(c.install().configurationDisabled())),
                Columns.of(changes, c -> c.install().disabledReason()),
                Columns.of(changes, c -> Boolean.toString(c.install().rememberedEnabled())),
                Columns.of(changes, c -> Long.toString(c.install().version())),
                Columns.of(changes, c -> Rows.instant(c.install().updatedAt()).toString()),
                Columns.of(changes, c -> c.install().updatedBy()));
        if (written != n) {
            throw Problems.conflict((n - written) + " of " + n + " environment integrations were changed by another request; retry");
        }
    }

    @Override
    public void deleteAll(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            installs.deleteByIds(ids.stream().map(UUID::toString).toArray(String[]::new));
        }
    }

    @Override
    public Page<EnvironmentIntegration> list(Visibility visibility, InstallFilter f, int limit, PageKey after) {
        return Rows.page(installs.page(Rows.scope(visibility), Rows.teams(visibility), f.integrationId(), f.environmentId(),
                        f.showInCatalog(), f.enabled(), f.integrationName(), f.integrationCategory(), Rows.afterCreatedAt(after),
                        Rows.afterId(after), limit + 1).stream().map(this::domain).toList(), limit,
                i -> new PageKey(i.createdAt(), i.id()));
    }
}
