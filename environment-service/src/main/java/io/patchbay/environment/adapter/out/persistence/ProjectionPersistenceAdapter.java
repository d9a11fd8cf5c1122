package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.ConfigurationProjectionPort;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The kernel inbox's configuration projection, for installs linked after the events arrived. */
@Singleton
class ProjectionPersistenceAdapter implements ConfigurationProjectionPort {
    private final LifecycleInbox inbox;

    ProjectionPersistenceAdapter(LifecycleInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Optional<ProjectedState> find(String configurationId) {
        return inbox.projection(configurationId).map(p -> new ProjectedState(State.valueOf(p.state().name()), p.reason()));
    }
}
