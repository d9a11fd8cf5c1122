package io.patchbay.oauth.adapter.out.http;

import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.infra.link.ConfigurationLinks;
import io.patchbay.oauth.application.port.out.ConfigurationLinkPort;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Function;

/** The kernel's link: config-service's answer with the caller's token, merged with the projection under the lock. */
@Singleton
class ConfigurationLinkAdapter implements ConfigurationLinkPort {
    private final ConfigurationLinks links;

    ConfigurationLinkAdapter(ConfigurationLinks links) {
        this.links = links;
    }

    @Override
    public <T> T link(ConfigurationId configurationId, String field, Function<Optional<String>, T> write) {
        return links.link(configurationId, field, write);
    }
}
