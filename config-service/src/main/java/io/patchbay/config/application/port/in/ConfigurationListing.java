package io.patchbay.config.application.port.in;

import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A page of configurations with the apps they install (for {@code view=project}). */
public record ConfigurationListing(List<Configuration> items, Map<String, App> apps, Optional<PageKey> next) {
}
