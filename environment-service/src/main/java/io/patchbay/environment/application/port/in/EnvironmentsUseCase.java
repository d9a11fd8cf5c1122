package io.patchbay.environment.application.port.in;

import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.UUID;

public interface EnvironmentsUseCase {
    /** Creates an environment in the acting team: the one the request names, else the caller's only team. */
    Environment create(Caller caller, NamedTeam team, String name);

    Environment get(Caller caller, UUID id);

    Page<Environment> list(Caller caller, String teamId, String name, int limit, PageKey after);

    Environment rename(Caller caller, UUID id, String name);

    void delete(Caller caller, UUID id);
}
