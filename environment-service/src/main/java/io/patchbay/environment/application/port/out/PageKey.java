package io.patchbay.environment.application.port.out;

import java.util.UUID;

/** A keyset position in a list ordered by (created_at, id), newest first. */
public record PageKey(long createdAt, UUID id) {
}
