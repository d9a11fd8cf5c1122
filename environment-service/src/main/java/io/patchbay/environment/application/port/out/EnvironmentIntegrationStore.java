package io.patchbay.environment.application.port.out;

import io.patchbay.environment.domain.EnvironmentIntegration;

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

    /** The installs linked to a configuration, locked until the transaction ends. */
    List<EnvironmentIntegration> lockByConfiguration(String configurationId);

    Page<EnvironmentIntegration> list(Visibility visibility, InstallFilter filter, int limit, PageKey after);

    record InstallFilter(UUID integrationId, UUID environmentId, Boolean showInCatalog, Boolean enabled, String integrationName,
                         String integrationCategory) {
    }
}
