package io.patchbay.environment.application.port.in;

import io.patchbay.environment.domain.EnvironmentIntegration;

import java.util.Map;

/** An environment integration as callers see it: override secrets masked, the integration embedded. */
public record InstallView(EnvironmentIntegration install, Map<String, Object> maskedOverride, IntegrationView integration) {
}
