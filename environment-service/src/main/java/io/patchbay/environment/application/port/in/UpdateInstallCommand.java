package io.patchbay.environment.application.port.in;

import java.util.Map;

public record UpdateInstallCommand(Boolean showInCatalog, Boolean enabled, Map<String, Object> override, String ifMatch) {
}
