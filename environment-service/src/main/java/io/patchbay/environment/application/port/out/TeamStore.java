package io.patchbay.environment.application.port.out;

import io.patchbay.environment.domain.TeamProfile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface TeamStore {
    Optional<TeamProfile> find(String teamId);

    List<TeamProfile> findAll(Collection<String> teamIds);

    /** Inserts the profile (version 1) or saves it over the stored one if that is still {@code version - 1}; otherwise 409. */
    void save(TeamProfile profile);

    /** Inserts a blank profile (stored as version 1) unless the team has one. */
    void ensure(TeamProfile blank);
}
