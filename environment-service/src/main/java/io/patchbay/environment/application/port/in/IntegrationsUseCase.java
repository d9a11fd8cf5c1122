package io.patchbay.environment.application.port.in;

import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.Map;
import java.util.UUID;

public interface IntegrationsUseCase {
    IntegrationView create(Caller caller, CreateIntegrationCommand command);

    IntegrationView get(Caller caller, UUID id);

    Page<IntegrationView> list(Caller caller, String name, String category, String teamId, int limit, PageKey after);

    IntegrationView update(Caller caller, UUID id, UpdateIntegrationCommand change);

    void delete(Caller caller, UUID id);
}
