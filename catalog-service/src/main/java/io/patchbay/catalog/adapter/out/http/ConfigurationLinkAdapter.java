package io.patchbay.catalog.adapter.out.http;

import io.patchbay.catalog.application.port.out.ConfigurationLinkPort;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.inbox.ProjectedConfiguration;
import io.patchbay.kernel.infra.link.ConfigurationLinks;
import io.patchbay.kernel.infra.link.LinkedConfiguration;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The configuration_id link: config-service's answer (kernel {@link ConfigurationLinks}: 422 / 503) combined with the
 * lifecycle projection, so a record linked after an event starts in the state the events gave.
 */
@Singleton
class ConfigurationLinkAdapter implements ConfigurationLinkPort {
    private final ConfigurationLinks links;
    private final LifecycleInbox inbox;

    ConfigurationLinkAdapter(ConfigurationLinks links, LifecycleInbox inbox) {
        this.links = links;
        this.inbox = inbox;
    }

    @Override
    public LinkState check(String configurationId, String field) {
        Optional<ProjectedConfiguration> projected = inbox.projection(configurationId);
        if (projected.isPresent() && projected.get().state() == ProjectedConfiguration.State.DELETED) {
            throw Problems.unprocessable(field, "configuration " + configurationId + " was deleted");
        }
        LinkedConfiguration linked = links.require(configurationId, field);
        if (linked.isDisabled() || projected.map(p -> p.state() == ProjectedConfiguration.State.DISABLED).orElse(false)) {
            return LinkState.DISABLED;
        }
        return LinkState.ACTIVE;
    }
}
