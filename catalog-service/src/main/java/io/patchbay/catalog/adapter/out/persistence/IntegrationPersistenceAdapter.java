package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.PublishedNames;
import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.NameFilter;
import io.patchbay.catalog.domain.Owner;
import io.patchbay.catalog.domain.OwnerMapping;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Integrations through {@link IntegrationRepository}; list filters become indexed SQL (LIKE on lower(name), keyset on (lower(name), id)). */
@Singleton
class IntegrationPersistenceAdapter implements IntegrationStore {
    /** The keyset of the first page: every (lower(name), id) sorts after two empty strings (ids are never empty). */
    private static final PageAfter FIRST_PAGE = new PageAfter("", "");

    private final IntegrationRepository integrations;

    IntegrationPersistenceAdapter(IntegrationRepository integrations) {
        this.integrations = integrations;
    }

    @Override
    public void insert(Integration i) {
        try {
            integrations.save(row(i));
        } catch (DuplicateKeyException e) {
            throw duplicate(i);
        }
    }

    @Override
    public void update(Integration i) {
        try {
            integrations.update(row(i));
        } catch (DuplicateKeyException e) {
            throw duplicate(i);
        }
    }

    @Override
    public void delete(String id) {
        integrations.deleteById(id);
    }

    @Override
    public Optional<Integration> find(String id) {
        return integrations.findById(id).map(IntegrationPersistenceAdapter::integration);
    }

    @Override
    public Optional<Integration> findForUpdate(String id) {
        return integrations.findByIdForUpdate(id).map(IntegrationPersistenceAdapter::integration);
    }

    @Override
    public List<Integration> list(String teamId, IntegrationFilter filter, int limit, PageAfter after) {
        PageAfter from = after == null ? FIRST_PAGE : after;
        String name = filter.name() == null ? null : NameFilter.likePattern(filter.name(), "name");
        String[] types = filter.types().stream().map(t -> NameFilter.likePattern(t, "type")).toArray(String[]::new);
        String[] categories = filter.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return integrations.page(teamId, name, types, categories, filter.connectorIds().toArray(String[]::new),
                        filter.statuses().stream().map(PublishedNames.NAMES::name).toArray(String[]::new), from.nameLower(), from.id(), limit + 1)
                .stream().map(IntegrationPersistenceAdapter::integration).toList();
    }

    @Override
    public List<Integration> listByOffset(String teamId, int limit, int offset) {
        return integrations.pageByOffset(teamId, limit, offset).stream().map(IntegrationPersistenceAdapter::integration).toList();
    }

    @Override
    public long count(String teamId) {
        return integrations.countByTeamId(teamId);
    }

    @Override
    public List<Integration> lockByConfigurations(Collection<String> configurationIds) {
        if (configurationIds.isEmpty()) {
            return List.of();
        }
        return integrations.lockByConfigurationIds(configurationIds.toArray(String[]::new)).stream()
                .map(IntegrationPersistenceAdapter::integration).toList();
    }

    @Override
    public void updateLifecycle(Collection<Integration> changed) {
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] before = new String[n];
        String[] updatedAt = new String[n];
        String[] updatedBy = new String[n];
        int k = 0;
        for (Integration i : changed) {
            ids[k] = i.id();
            statuses[k] = PublishedNames.NAMES.name(i.status());
            before[k] = PublishedNames.NAMES.name(i.statusBeforeDisable());
            updatedAt[k] = i.updatedAt().toString();
            updatedBy[k] = i.updatedBy();
            k++;
        }
        integrations.updateLifecycle(ids, statuses, before, updatedAt, updatedBy);
    }

    @Override
    public void deleteAll(Collection<String> ids) {
        if (!ids.isEmpty()) {
            integrations.deleteByIds(ids.toArray(String[]::new));
        }
    }

    @Override
    public Optional<Integration> findByIdOrName(String teamId, String reference) {
        return integrations.findByIdAndTeamId(reference, teamId).or(() -> integrations.findByTeamIdAndNameIgnoreCase(teamId, reference))
                .map(IntegrationPersistenceAdapter::integration);
    }

    @Override
    public boolean anyUsesConnector(String teamId, String connectorId) {
        return integrations.existsByTeamIdAndConnectorId(teamId, connectorId);
    }

    private static RuntimeException duplicate(Integration i) {
        return new DomainException.Conflict("an integration named '" + i.name() + "' already exists in this team (names are unique, case-insensitive)");
    }

    private static IntegrationRow row(Integration i) {
        SecretStore store = i.secretStore();
        return new IntegrationRow(i.id(), i.teamId(), i.name(), i.type(), i.category(), i.connectorId(), PublishedNames.NAMES.name(i.status()),
                PublishedNames.NAMES.name(i.statusBeforeDisable()), i.details(), i.lastSyncTime(), i.config(),
                store == null ? null : PublishedNames.NAMES.name(store.kind()), store == null ? null : store.fields(), i.connectedResourceTypes(),
                i.customAccessDetails(), ownerJson(i.owner()), mappingJson(i.ownersMapping()), i.configurationId(), i.revision(),
                i.createdAt(), i.updatedAt(), i.createdBy(), i.updatedBy());
    }

    private static Integration integration(IntegrationRow r) {
        return new Integration(r.id(), r.teamId(), r.name(), r.type(), r.category(), r.connectorId(), PublishedNames.NAMES.fromStored(IntegrationStatus.class, r.status(), "integration.status"),
                PublishedNames.NAMES.fromStoredOrNull(IntegrationStatus.class, r.statusBeforeDisable(), "integration.status_before_disable"), r.details(), r.lastSyncTime(),
                r.integrationConfig(), secretStore(r.secretStoreKind(), r), r.connectedResourceTypes(), r.customAccessDetails(),
                owner(r.owner()), mapping(r.ownersMapping()), r.configurationId(), r.revision(), r.createdAt(), r.updatedAt(), r.createdBy(),
                r.updatedBy());
    }

    private static SecretStore secretStore(String kind, IntegrationRow r) {
        return kind == null ? null : new SecretStore(PublishedNames.NAMES.fromStored(SecretStore.Kind.class, kind, "integration.secret_store_kind"), r.secretStore());
    }

    private static IntegrationRow.OwnerJson ownerJson(Owner o) {
        return o == null ? null : new IntegrationRow.OwnerJson(o.attributeType(), o.attributeValue(), o.sourceIntegrationId(),
                o.sourceIntegrationName());
    }

    private static Owner owner(IntegrationRow.OwnerJson o) {
        return o == null ? null : new Owner(o.attributeType(), o.attributeValue() == null ? List.of() : o.attributeValue(),
                o.sourceIntegrationId(), o.sourceIntegrationName());
    }

    private static IntegrationRow.OwnerMappingJson mappingJson(OwnerMapping m) {
        return m == null ? null : new IntegrationRow.OwnerMappingJson(m.keyName(), m.attributeType(), m.sourceIntegrationId(),
                m.sourceIntegrationName());
    }

    private static OwnerMapping mapping(IntegrationRow.OwnerMappingJson m) {
        return m == null ? null : new OwnerMapping(m.keyName(), m.attributeType(), m.sourceIntegrationId(), m.sourceIntegrationName());
    }
}
