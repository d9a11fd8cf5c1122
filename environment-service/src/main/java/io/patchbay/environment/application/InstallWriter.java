package io.patchbay.environment.application;

import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.kernel.audit.AuditTrail;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The write of an install, in its own short transaction after the (remote) link check; for a linked install, the
 * transaction of the configuration link (ConfigurationLinkPort), which holds the configuration's lock.
 */
@Singleton
class InstallWriter {
    private final EnvironmentIntegrationStore installs;
    private final AuditTrail audit;

    InstallWriter(EnvironmentIntegrationStore installs, AuditTrail audit) {
        this.installs = installs;
        this.audit = audit;
    }

    @Transactional
    public EnvironmentIntegration insert(EnvironmentIntegration install, String teamId) {
        installs.insert(install);
        audit.record(EnvironmentAudit.install("created", teamId, null, install));
        return install;
    }
}
