package io.patchbay.config.application;

import java.time.Duration;

/** How long a partner has to finalize a requested marketplace deletion before it completes by itself. */
public record DeletionGrace(Duration period) {
}
