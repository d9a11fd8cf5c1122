package io.patchbay.environment.application;

import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** The write of an install, in its own short transaction after the (remote) link check. */
@Singleton
class InstallWriter {
    private final EnvironmentIntegrationStore installs;

    InstallWriter(EnvironmentIntegrationStore installs) {
        this.installs = installs;
    }

    @Transactional
    public void insert(EnvironmentIntegration install) {
        installs.insert(install);
    }
}
