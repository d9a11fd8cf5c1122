package io.patchbay.environment.application.port.out;

import io.patchbay.environment.domain.EnvironmentIntegration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface EnvironmentIntegrationStore {
    Optional<EnvironmentIntegration> find(UUID id);

    /** 409 when the integration is already installed in that environment. */
    void insert(EnvironmentIntegration install);

    /** Saves it if its version is still {@code version - 1}; otherwise 409. */
    void update(EnvironmentIntegration install);

    void delete(UUID id);

    /** The installs linked to any of the configurations, in (configuration id, id) order, locked until the transaction ends. */
    List<EnvironmentIntegration> lockByConfigurations(Collection<String> configurationIds);

    /**
     * Saves the lifecycle fields of many installs in one statement (what a batch of lifecycle events changed), each if its
     * stored version is still {@code readVersion}; otherwise 409 and nothing is saved.
     */
    void updateLifecycle(Collection<LifecycleChange> changes);

    void deleteAll(Collection<UUID> ids);

    Page<EnvironmentIntegration> list(Visibility visibility, InstallFilter filter, int limit, PageKey after);

    /** An install as changed by lifecycle events, with the version it was read with. */
    record LifecycleChange(long readVersion, EnvironmentIntegration install) {
    }

    record InstallFilter(UUID integrationId, UUID environmentId, Boolean showInCatalog, Boolean enabled, String integrationName,
                         String integrationCategory) {
    }
}
