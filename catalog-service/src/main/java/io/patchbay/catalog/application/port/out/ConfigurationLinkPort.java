package io.patchbay.catalog.application.port.out;

/**
 * Checks a configuration_id with config-service (422 when not found or not visible, 503 when unreachable) and
 * combines it with what the lifecycle events said (a configuration deleted by event is 422).
 */
public interface ConfigurationLinkPort {
    enum LinkState { ACTIVE, DISABLED }

    LinkState check(String configurationId, String field);
}
