package io.patchbay.oauth.application.port.out;

/** config-service's answer for a configuration the caller wants to link (422 / 503 are raised by the adapter). */
public interface ConfigurationLinkPort {
    record LinkedConfiguration(String id, boolean disabled, String disabledReason) {
    }

    LinkedConfiguration require(String configurationId);
}
