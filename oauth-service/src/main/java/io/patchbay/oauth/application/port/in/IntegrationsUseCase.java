package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.domain.Association;

import java.util.List;
import java.util.UUID;

/** The integrations API (Posit's {@code /v1/oauth/integrations}). {@code teamHeader} is X-Team-Id or null. */
public interface IntegrationsUseCase {
    List<IntegrationView> list(Caller caller, String teamHeader);

    IntegrationView get(Caller caller, String teamHeader, UUID guid);

    IntegrationView create(CreateIntegrationCommand command);

    IntegrationView update(UpdateIntegrationCommand command);

    void delete(Caller caller, String teamHeader, UUID guid);

    List<Association> associations(Caller caller, String teamHeader, UUID guid);
}
