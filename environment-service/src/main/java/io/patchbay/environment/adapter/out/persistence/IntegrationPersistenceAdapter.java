package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.PublishedNames;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.application.port.out.IntegrationStore.InstalledIn;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class IntegrationPersistenceAdapter implements IntegrationStore {
    private final IntegrationRepository integrations;
    private final EnvironmentIntegrationRepository installs;
    private final JsonColumns json;

    IntegrationPersistenceAdapter(IntegrationRepository integrations, EnvironmentIntegrationRepository installs, JsonColumns json) {
        this.integrations = integrations;
        this.installs = installs;
        this.json = json;
    }

    private Integration domain(IntegrationRow r) {
        return new Integration(r.id(), r.teamId(), r.name(), r.category(), r.beta(), json.read(r.config()),
                PublishedNames.NAMES.fromStored(Sharing.class, r.sharing(), "integration.sharing"), r.version(), Rows.millis(r.createdAt()), Rows.millis(r.updatedAt()), r.createdBy(),
                r.updatedBy());
    }

    /** The row to write; {@code version} is the one stored before this change (Micronaut Data checks and increments it). */
    private IntegrationRow row(Integration i, long version) {
        return new IntegrationRow(i.id(), i.teamId(), i.name(), i.category(), i.beta(), json.write(i.config()), PublishedNames.NAMES.name(i.sharing()), version,
                Rows.instant(i.createdAt()), Rows.instant(i.updatedAt()), i.createdBy(), i.updatedBy());
    }

    @Override
    public Optional<Integration> find(UUID id) {
        return integrations.findById(id).map(this::domain);
    }

    @Override
    public List<Integration> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return integrations.findByIdIn(ids).stream().map(this::domain).toList();
    }

    @Override
    public void insert(Integration i) {
        try {
            integrations.save(row(i, i.version()));
        } catch (DataAccessException e) {
            throw switch (e) {
                case DuplicateKeyException _ -> duplicate(i);
                case DataAccessException other -> other;
            };
        }
    }

    @Override
    public void update(Integration i) {
        try {
            integrations.update(row(i, i.version() - 1));
        } catch (DataAccessException e) {
            throw switch (e) {
                case DuplicateKeyException _ -> duplicate(i);
                case OptimisticLockException _ ->
                        Problems.conflict("integration " + i.id() + " was changed by another request; read it again and retry");
                case DataAccessException other -> other;
            };
        }
    }

    private static RuntimeException duplicate(Integration i) {
        return Problems.conflict("team " + i.teamId() + " already has an integration named '" + i.name() + "'");
    }

    /** Under the integration's row lock no install of it can be added (its foreign key check waits for the lock). */
    @Override
    public boolean deleteIfNotInstalled(UUID id) {
        if (integrations.findByIdForUpdate(id).isEmpty() || installs.existsByIntegrationId(id)) {
            return false;
        }
        integrations.deleteById(id);
        return true;
    }

    @Override
    public Map<UUID, List<InstalledIn>> installedEnvironments(Collection<UUID> integrationIds) {
        Map<UUID, List<InstalledIn>> out = new HashMap<>();
        if (integrationIds.isEmpty()) {
            return out;
        }
        for (EnvironmentIntegrationRepository.InstallLocation l : installs.installLocations(integrationIds)) {
            out.computeIfAbsent(l.integrationId(), k -> new ArrayList<>()).add(new InstalledIn(l.environmentId(), l.teamId()));
        }
        return out;
    }

    @Override
    public Page<Integration> list(Visibility visibility, IntegrationFilter filter, int limit, PageKey after) {
        // an environment-scoped caller lists integrations as its teams would (only environments and installs are scoped)
        String[] teams = visibility.all() ? null : visibility.teamIds().toArray(String[]::new);
        return Rows.page(integrations.page(teams, filter.name(), filter.category(), filter.teamId(), Rows.afterCreatedAt(after),
                Rows.afterId(after), limit + 1).stream().map(this::domain).toList(), limit, i -> new PageKey(i.createdAt(), i.id()));
    }
}
