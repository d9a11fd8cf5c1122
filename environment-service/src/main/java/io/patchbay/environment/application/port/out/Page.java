package io.patchbay.environment.application.port.out;

import java.util.List;
import java.util.Optional;

/** One page of a list and the position after its last item, when there are more. */
public record Page<T>(List<T> items, Optional<PageKey> next) {
}
