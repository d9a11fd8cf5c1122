package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.oauth.application.port.out.LifecycleProjectionPort;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The kernel inbox's configuration projection, for integrations linked after their configuration's events arrived. */
@Singleton
class LifecycleProjectionAdapter implements LifecycleProjectionPort {
    private final LifecycleInbox inbox;

    LifecycleProjectionAdapter(LifecycleInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Optional<Projection> projection(String configurationId) {
        return inbox.projection(configurationId).map(p -> new Projection(State.valueOf(p.state().name()), p.reason(), p.version()));
    }
}
