package io.patchbay.environment.application.port.out;

import io.patchbay.environment.domain.Integration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface IntegrationStore {
    Optional<Integration> find(UUID id);

    List<Integration> findAll(Collection<UUID> ids);

    /** 409 when the team already has an integration of that name. */
    void insert(Integration integration);

    /** Saves it if its version is still {@code version - 1}; 409 on a lost race or a duplicate name. */
    void update(Integration integration);

    /** Deletes it if it is installed nowhere; false otherwise (checked under a lock). */
    boolean deleteIfNotInstalled(UUID id);

    /** The environments each integration is installed in (oldest install first), with the team of each. */
    Map<UUID, List<InstalledIn>> installedEnvironments(Collection<UUID> integrationIds);

    Page<Integration> list(Visibility visibility, IntegrationFilter filter, int limit, PageKey after);

    record IntegrationFilter(String name, String category, String teamId) {
    }

    record InstalledIn(UUID environmentId, String teamId) {
    }
}
