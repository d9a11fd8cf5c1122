package io.patchbay.environment.application.port.in;

import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.environment.domain.Sharing;

import java.util.Map;

/** {@code team}: the team the request names (else the caller's only team owns the integration). */
public record CreateIntegrationCommand(NamedTeam team, String name, String category, boolean beta, Map<String, Object> config,
                      Sharing sharing) {
}
