package io.patchbay.environment.application.port.in;

import io.patchbay.kernel.id.ConfigurationId;

import java.util.Map;
import java.util.UUID;

/** An install; {@code configurationId} (optional) is the kernel's value, checked for shape once at the edge. */
public record InstallCommand(UUID integrationId, UUID environmentId, Boolean enabled, Boolean showInCatalog, Map<String, Object> override,
                      ConfigurationId configurationId) {
}
