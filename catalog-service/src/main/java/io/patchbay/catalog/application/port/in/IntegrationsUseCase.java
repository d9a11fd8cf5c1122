package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

/** The integrations of the acting team (v4 and v2 share them). {@code team} is the team the request names (X-Team-Id). */
public interface IntegrationsUseCase {
    Integration create(Caller caller, NamedTeam team, IntegrationSpec spec);

    Integration get(Caller caller, NamedTeam team, String id);

    Integration replace(Caller caller, NamedTeam team, String id, IntegrationSpec spec);

    void delete(Caller caller, NamedTeam team, String id);

    void refresh(Caller caller, NamedTeam team, String id);

    IntegrationPage list(Caller caller, NamedTeam team, IntegrationFilter filter, int limit, PageAfter after);

    OffsetPage<Integration> listByOffset(Caller caller, NamedTeam team, int limit, int offset);
}
