package io.patchbay.kernel.event;

public record ConfigurationDeleted(String configurationId, String integrationId, String slug, String ownerId, String teamId,
                                   String userId, long version, long occurredAt, long deletedAt, Long deleteRequestedAt)
        implements ConfigurationLifecycleEvent {
}
