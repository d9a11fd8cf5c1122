package io.patchbay.kernel.infra.inbox;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The lifecycle consumer's settings: {@code patchbay.consumer.*} (env {@code PATCHBAY_CONSUMER_*}). */
@Singleton
public record LifecycleConsumerSettings(
        @Value("${kafka.bootstrap.servers}") String bootstrapServers,
        @Value("${patchbay.consumer.group-id:${micronaut.application.name}}") String groupId,
        @Value("${patchbay.consumer.attempts:5}") int attempts,
        @Value("${patchbay.consumer.initial-backoff:200ms}") Duration initialBackoff,
        @Value("${patchbay.consumer.max-backoff:5s}") Duration maxBackoff,
        @Value("${patchbay.consumer.poll-timeout:500ms}") Duration pollTimeout) {
}
