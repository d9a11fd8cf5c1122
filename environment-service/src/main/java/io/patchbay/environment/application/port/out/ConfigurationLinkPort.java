package io.patchbay.environment.application.port.out;

import java.util.Optional;

/** Checks a configuration_id with config-service, as the current caller. */
public interface ConfigurationLinkPort {
    /**
     * The configuration's disable reason when it is disabled, empty when it is active. 422 (naming {@code field}) when it
     * does not exist or the caller cannot see it; 503 when config-service is unavailable.
     */
    Optional<String> disabledReason(String configurationId, String field);
}
