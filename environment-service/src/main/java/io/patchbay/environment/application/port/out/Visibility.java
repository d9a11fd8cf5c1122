package io.patchbay.environment.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a caller may see in a list: everything (admin), or its teams' rows; an environment-scoped token only its environment. */
public record Visibility(boolean all, List<String> teamIds, Optional<UUID> environment) {
}
