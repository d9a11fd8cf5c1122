package io.patchbay.environment.application.port.out;

import java.util.Optional;

/** What the lifecycle events told this service about a configuration (for installs linked after them). */
public interface ConfigurationProjectionPort {
    Optional<ProjectedState> find(String configurationId);

    record ProjectedState(State state, String reason) {
    }

    enum State { ACTIVE, DISABLED, DELETED }
}
