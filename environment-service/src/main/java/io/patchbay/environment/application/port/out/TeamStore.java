package io.patchbay.environment.application.port.out;

import io.patchbay.environment.domain.TeamProfile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface TeamStore {
    Optional<TeamProfile> find(String teamId);

    List<TeamProfile> findAll(Collection<String> teamIds);

    /** Inserts the profile or replaces the stored one. */
    void save(TeamProfile profile);

    /** Inserts a blank profile unless the team has one. */
    void ensure(TeamProfile blank);
}
