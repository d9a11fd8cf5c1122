package io.patchbay.oauth.application.port.out;

import java.util.Optional;

/** What the lifecycle consumer already knows of a configuration, so a record linked after its events starts in the right state. */
public interface LifecycleProjectionPort {
    enum State {
        ACTIVE, DISABLED, DELETED
    }

    record Projection(State state, String reason, long version) {
    }

    Optional<Projection> projection(String configurationId);
}
