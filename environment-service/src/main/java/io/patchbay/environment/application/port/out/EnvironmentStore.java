package io.patchbay.environment.application.port.out;

import io.patchbay.environment.domain.Environment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface EnvironmentStore {
    Optional<Environment> find(UUID id);

    /** The team of each of the environments that exist (one read for a batch). */
    Map<UUID, String> teamsOf(Collection<UUID> ids);

    /** 409 when the team already has an environment of that name. */
    void insert(Environment environment);

    /** Saves it if its version is still {@code version - 1}; 409 on a lost race or when the team has an environment of that name. */
    void update(Environment environment);

    /** Deletes it if nothing is installed in it; false otherwise (checked under a lock). */
    boolean deleteIfEmpty(UUID id);

    Page<Environment> list(Visibility visibility, String teamId, String name, int limit, PageKey after);
}
