package io.patchbay.environment.application.port.in;

import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.Map;
import java.util.UUID;

public interface IntegrationsUseCase {
    IntegrationView create(Caller caller, NewIntegration command);

    IntegrationView get(Caller caller, UUID id);

    Page<IntegrationView> list(Caller caller, String name, String category, String teamId, int limit, PageKey after);

    IntegrationView update(Caller caller, UUID id, IntegrationChange change);

    void delete(Caller caller, UUID id);

    /** {@code team}: the team the request names (else the caller's only team owns the integration). */
    record NewIntegration(NamedTeam team, String name, String category, boolean beta, Map<String, Object> config,
                          Sharing sharing) {
    }

    /** PATCH fields; null keeps the stored value; a config replaces the stored one as a whole. */
    record IntegrationChange(String name, String category, Boolean beta, Map<String, Object> config, Sharing sharing) {
    }
}
