package io.patchbay.kernel.infra.inbox;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The lifecycle consumer's settings: {@code patchbay.consumer.*} (env {@code PATCHBAY_CONSUMER_*}). The consumer group
 * defaults to the application name. (Not as a nested placeholder {@code ${a:${b}}}: Micronaut ends the expression at
 * the first closing brace, which once made every group id end in a stray "}".)
 */
@Singleton
public record LifecycleConsumerSettings(
        @Value("${kafka.bootstrap.servers}") String bootstrapServers,
        @Value("${patchbay.consumer.group-id:}") String groupId,
        @Value("${micronaut.application.name:patchbay}") String applicationName,
        @Value("${patchbay.consumer.attempts:5}") int attempts,
        @Value("${patchbay.consumer.initial-backoff:200ms}") Duration initialBackoff,
        @Value("${patchbay.consumer.max-backoff:5s}") Duration maxBackoff,
        @Value("${patchbay.consumer.poll-timeout:500ms}") Duration pollTimeout) {

    public LifecycleConsumerSettings {
        if (groupId == null || groupId.isBlank()) {
            groupId = applicationName;
        }
    }
}
