package io.patchbay.kernel.event;

public record ConfigurationTransferred(String configurationId, String integrationId, String slug, String ownerId, String teamId,
                                       String userId, long version, long occurredAt, long transferredAt, String previousUserId,
                                       String previousOwnerId, String previousTeamId)
        implements ConfigurationLifecycleEvent {
}
