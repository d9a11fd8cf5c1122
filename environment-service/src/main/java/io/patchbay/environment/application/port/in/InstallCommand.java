package io.patchbay.environment.application.port.in;

import java.util.Map;
import java.util.UUID;

public record InstallCommand(UUID integrationId, UUID environmentId, Boolean enabled, Boolean showInCatalog, Map<String, Object> override,
                      String configurationId) {
}
