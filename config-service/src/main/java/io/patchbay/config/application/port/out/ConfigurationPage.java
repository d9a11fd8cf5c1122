package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.Configuration;

import java.util.List;
import java.util.Optional;

public record ConfigurationPage(List<Configuration> items, Optional<PageKey> next) {
}
