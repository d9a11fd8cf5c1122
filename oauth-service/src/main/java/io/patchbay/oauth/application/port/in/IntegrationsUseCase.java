package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.oauth.domain.Association;

import java.util.List;
import java.util.UUID;

/** The integrations API (Posit's {@code /v1/oauth/integrations}). {@code team} is the team the request names (X-Team-Id). */
public interface IntegrationsUseCase {
    List<IntegrationView> list(Caller caller, NamedTeam team);

    IntegrationView get(Caller caller, NamedTeam team, UUID guid);

    IntegrationView create(CreateIntegrationCommand command);

    IntegrationView update(UpdateIntegrationCommand command);

    void delete(Caller caller, NamedTeam team, UUID guid);

    List<Association> associations(Caller caller, NamedTeam team, UUID guid);
}
