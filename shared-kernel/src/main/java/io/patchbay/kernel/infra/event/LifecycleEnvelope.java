package io.patchbay.kernel.infra.event;

import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleEventType;

import java.time.Instant;
import java.util.UUID;

/** A lifecycle event with its CloudEvents attributes, as read from or written to the topic. */
public record LifecycleEnvelope(UUID id, LifecycleEventType type, String subject, Instant time, ConfigurationLifecycleEvent event) {
}
