package io.patchbay.environment.adapter.out.http;

import io.patchbay.environment.application.port.out.ConfigurationLinkPort;
import io.patchbay.kernel.infra.link.ConfigurationLinks;
import io.patchbay.kernel.infra.link.LinkedConfiguration;
import jakarta.inject.Singleton;

import java.util.Optional;

/** config-service's view of a configuration, through the kernel's link check (caller's token, timeouts, retry, breaker). */
@Singleton
class ConfigServiceLinkAdapter implements ConfigurationLinkPort {
    private final ConfigurationLinks links;

    ConfigServiceLinkAdapter(ConfigurationLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> disabledReason(String configurationId, String field) {
        LinkedConfiguration configuration = links.require(configurationId, field);
        if (!configuration.isDisabled()) {
            return Optional.empty();
        }
        return Optional.of(configuration.disabledReason() == null ? "disabled" : configuration.disabledReason());
    }
}
