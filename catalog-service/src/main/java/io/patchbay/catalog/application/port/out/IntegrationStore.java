package io.patchbay.catalog.application.port.out;

import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.domain.Integration;

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

    /** Locked, for lifecycle events. */
    List<Integration> findByConfigurationForUpdate(String configurationId);

    Optional<Integration> findByIdOrName(String teamId, String reference);

    boolean anyUsesConnector(String teamId, String connectorId);
}
