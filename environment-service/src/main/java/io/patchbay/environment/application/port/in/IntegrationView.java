package io.patchbay.environment.application.port.in;

import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.TeamProfile;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An integration as callers see it: secrets masked, its team, where it is installed. */
public record IntegrationView(Integration integration, Map<String, Object> maskedConfig, TeamProfile team, List<UUID> installedEnvironments) {
}
