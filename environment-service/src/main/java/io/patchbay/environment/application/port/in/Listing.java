package io.patchbay.environment.application.port.in;

import io.patchbay.environment.application.port.out.PageKey;

import java.util.List;
import java.util.Optional;

public record Listing<T>(List<T> items, Optional<PageKey> next) {
}
