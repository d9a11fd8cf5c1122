package io.patchbay.kernel.event;

public record ConfigurationEnabled(String configurationId, String integrationId, String slug, String ownerId, String teamId,
                                   String userId, long version, long occurredAt, long enabledAt, String previousReason)
        implements ConfigurationLifecycleEvent {
}
