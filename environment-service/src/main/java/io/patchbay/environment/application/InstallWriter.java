package io.patchbay.environment.application;

import io.patchbay.environment.application.port.out.ConfigurationProjectionPort;
import io.patchbay.environment.application.port.out.ConfigurationProjectionPort.ProjectedState;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.kernel.audit.AuditTrail;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.function.Function;

/**
 * The write of an install, in its own short transaction after the (remote) link check. A linked install takes the
 * configuration's lock first (the lifecycle handler takes it too), then reads the projection: an event is either applied
 * before the install reads the projection, or after the install is committed and so visible to the handler; never
 * in between.
 */
@Singleton
class InstallWriter {
    private final EnvironmentIntegrationStore installs;
    private final ConfigurationProjectionPort projections;
    private final AuditTrail audit;

    InstallWriter(EnvironmentIntegrationStore installs, ConfigurationProjectionPort projections, AuditTrail audit) {
        this.installs = installs;
        this.projections = projections;
        this.audit = audit;
    }

    /** Builds the install from what the events said about its configuration (empty when unlinked or no event came yet). */
    @Transactional
    public EnvironmentIntegration insert(String configurationId, String teamId,
                                         Function<Optional<ProjectedState>, EnvironmentIntegration> build) {
        Optional<ProjectedState> projected = Optional.empty();
        if (configurationId != null) {
            installs.lockConfiguration(configurationId);
            projected = projections.find(configurationId);
        }
        EnvironmentIntegration install = build.apply(projected);
        installs.insert(install);
        audit.record(EnvironmentAudit.install("created", teamId, null, install));
        return install;
    }
}
