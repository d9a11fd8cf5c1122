package io.patchbay.catalog.application.port.out;

import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.domain.Integration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Integrations, tenant by tenant. A duplicate name (case-insensitive) is a 409 from insert/update. */
public interface IntegrationStore {
    void insert(Integration integration);

    void update(Integration integration);

    void delete(String id);

    Optional<Integration> find(String id);

    Optional<Integration> findForUpdate(String id);

    /** Up to {@code limit} + 1 integrations of the team after {@code after}, ordered by lower(name), id. */
    List<Integration> list(String teamId, IntegrationFilter filter, int limit, PageAfter after);

    List<Integration> listByOffset(String teamId, int limit, int offset);

    long count(String teamId);

    /** The integrations linked to any of the configurations, in (configuration id, id) order, locked until the transaction ends. */
    List<Integration> lockByConfigurations(Collection<String> configurationIds);

    /** Saves the lifecycle fields (status, status before disable, updated at and by) of many integrations in one statement. */
    void updateLifecycle(Collection<Integration> changed);

    /** Deletes the integrations with their resources and discovery jobs. */
    void deleteAll(Collection<String> ids);

    Optional<Integration> findByIdOrName(String teamId, String reference);

    boolean anyUsesConnector(String teamId, String connectorId);
}
