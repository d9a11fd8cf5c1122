package io.patchbay.environment.application.port.in;

import io.patchbay.environment.domain.Sharing;

import java.util.Map;

/** PATCH fields; null keeps the stored value; a config replaces the stored one as a whole. */
public record UpdateIntegrationCommand(String name, String category, Boolean beta, Map<String, Object> config, Sharing sharing) {
}
