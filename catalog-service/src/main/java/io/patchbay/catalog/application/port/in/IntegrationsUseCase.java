package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.kernel.auth.Caller;

/** The integrations of the acting team (v4 and v2 share them). {@code teamHeader} is the X-Team-Id header. */
public interface IntegrationsUseCase {
    Integration create(Caller caller, String teamHeader, IntegrationSpec spec);

    Integration get(Caller caller, String teamHeader, String id);

    Integration replace(Caller caller, String teamHeader, String id, IntegrationSpec spec);

    void delete(Caller caller, String teamHeader, String id);

    void refresh(Caller caller, String teamHeader, String id);

    IntegrationPage list(Caller caller, String teamHeader, IntegrationFilter filter, int limit, PageAfter after);

    OffsetPage<Integration> listByOffset(Caller caller, String teamHeader, int limit, int offset);
}
