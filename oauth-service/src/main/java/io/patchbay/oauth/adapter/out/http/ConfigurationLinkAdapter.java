package io.patchbay.oauth.adapter.out.http;

import io.patchbay.kernel.infra.link.ConfigurationLinks;
import io.patchbay.oauth.application.port.out.ConfigurationLinkPort;
import jakarta.inject.Singleton;

/** The kernel's link check against config-service, with the caller's token: 422 not found / not visible, 503 unreachable. */
@Singleton
class ConfigurationLinkAdapter implements ConfigurationLinkPort {
    private final ConfigurationLinks links;

    ConfigurationLinkAdapter(ConfigurationLinks links) {
        this.links = links;
    }

    @Override
    public LinkedConfiguration require(String configurationId) {
        io.patchbay.kernel.infra.link.LinkedConfiguration c = links.require(configurationId, "configuration_id");
        return new LinkedConfiguration(c.id(), c.isDisabled(), c.disabledReason());
    }
}
